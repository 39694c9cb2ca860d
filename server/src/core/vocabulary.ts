// Built-in vocabulary for the pattern language: slot macros, contractions and irregular verb forms.
// Kept as data so rule authors can rely on it without writing regular expressions.

/** Slot macros usable as `<NAME>` in patterns. Each entry is a list of sub-patterns. */
export const MACROS: Record<string, string[]> = {
  YOU: ['you', 'your team', "y'all", 'you guys', 'you all', 'u'],
  YOUR: ['your', "your team's", 'ur'],
  ME: ['i', 'we', 'my team', 'our team', 'us'],
  MY: ['my', 'our'],
  BUYER: [
    'them', 'him', 'her', 'the buyer+', 'the prospect+', 'the customer+', 'the client+', 'the lead+',
    'the account+', 'the decision-maker+', 'buyers', 'prospects', 'customers', 'leads', 'this prospect', 'every prospect',
  ],
  THEY: ['they', 'the buyer', 'the prospect', 'the customer', 'the client', 'buyers', 'prospects', 'customers', 'he', 'she'],
  N: [
    '<NUM>', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a couple [of]', 'a few', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'a hundred', 'over <NUM>', 'more than <NUM>',
    'a handful of', 'several', 'twenty-odd', 'thirty-odd', 'forty-odd', 'fifty-odd', 'thirteen', 'fourteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'a dozen', 'dozens of', 'hundreds of', 'thousands of', 'millions of',
  ],
  TIME: [
    'today', 'tonight', '[right] now', 'immediately', 'asap', 'eod', 'end of [the] {day|week|month|quarter}',
    'close of business', 'cob', 'this {week|afternoon|morning|evening}', 'tomorrow', 'by {monday|tuesday|wednesday|thursday|friday|saturday|sunday}',
    'by [the] end of [the] {day|week|month|quarter}', 'before midnight', 'at midnight', 'before {i|we} {hang up|leave|go}',
    'on this call', 'before the end of {this|the} call', 'this instant', 'right away', 'in the next <N> {hours|minutes|mins|hrs}',
    'within [the next] <N> {hours|minutes}', 'within the hour', 'by {tomorrow|tonight|today}',
    '[by] [the] end of business', 'close of play', 'before {we|i|you} get off [{the|this}] {call|phone|line|zoom}',
    '{the|this} {second|minute|moment|instant} {we|i|you} {hang up|leave|walk out|get off|log off|end the call}',
    'before {the|this} call ends', 'before {i|we} walk out [the door]', 'before {we|i|you} {wrap|finish|end|close} [up] [{this|the|our}] {call|meeting|conversation|chat}',
    'before {this|the|our} {call|meeting|conversation|chat|visit|demo|session} {ends|is over|is ended|wraps up|is done|finishes}', 'before <YOU> {leave|close|exit} {this|the} {page|window|screen|tab}',
    'before {we|i|you} finish {this|our|the|your} {coffee|cup of coffee|tea|drink}', "while {you're|you are|we're|we are} still {here|on the call|on the line|on the page}",
  ],
  // What an offer is: the nouns that urgency and exclusivity claims are about.
  OFFER: [
    '{offer|deal|price|discount|rate|promo|promotion|package|bundle|bonus|incentive|special|quote|coupon|perk|credit|concession|allocation}+',
    'pricing', 'terms', 'savings', 'number', 'figure', '{promo|discount|coupon|voucher|offer|sale} code+', '<PCT> [off]', "{deal's|price's|offer's|rate's|discount's|quote's}", '{voucher|rate card|price sheet|sticker|markdown|saving}+', 'this price', 'that price',
  ],
  // Vanishing verbs: how an offer is said to go away.
  VANISH: [
    '{expire|vanish|disappear|evaporate|lapse|dry up}+', '{ends|is ending|will end|dies|will die}', 'go+ away', 'run+ out', '{close|closing|closes} {soon|fast|quickly|tonight|today|shortly}',
    "{is|are|it's|it is|will be|it'll be|be|gets|get} {gone|void|history|dead|pulled|withdrawn|off the table|taken off the table|no longer available|over}",
    "{won't|will not|wont} {be here|be there|last|be available|be around|stick around|be on the table|exist|hold|survive}",
    '{is|are|being|gets|get|will be} {retired|scrapped|discontinued|sunset|sunsetted|withdrawn|killed|axed}',
    // Idioms and euphemisms for an offer going away.
    'shelf life', 'self-destruct+', 'self destruct+', 'poof', 'the way of the {dodo|dinosaurs}', '{lives|live} and {dies|die}', 'on {its|their} way out',
    "{won't|will not|isn't going to|is not going to|not gonna|ain't gonna|doesn't|does not} {wait around|sit here|sit around|wait forever|hang around|wait for you|wait for anyone}",
    'turn+ into a pumpkin', 'on life support', '{scheduled|due|set|slated} for {retirement|removal|sunset|sunsetting}', 'cease+ to {be available|apply|be valid|exist|be offered}', 'after that …2 no promises', 'pack+ {its|their|his|her} bags', 'out of my hands', 'still be {breathing|alive|around|standing}',
    '{close|closing|closes} faster', 'only exists', '{expiring|vanishing|disappearing|evaporating|going} by the {hour|minute|day}', 'all the runway', '{not|never} coming back', '{slip|slips|slipping} away', 'done and dusted', 'gone for good', '{snap|snaps|snapping} back to',
  ],
  // Buyer delay: what a threat or an urgency claim punishes.
  DELAY: [
    '{delay|wait|stall|hesitate|dither}+', 'hold+ off', 'sit+ on {it|this|that}', 'drag+ {on|out|{your|its|their|his|her|our} feet|it out|this out}', 'push+ {it|this|that} {back|out}',
    'put+ {it|this|that} off', 'take+ {longer|more time|too long}', 'sleep+ on it', 'think+ about it', 'pass+ on {it|this|that}', 'back+ out', 'walk+ away',
    'snooze', 'snoozes', 'hold+ out', 'mull+ it over', 'chew+ on it', 'go+ quiet', 'go+ dark', 'say+ no', 'turn+ {it|this|us} down', 'drag+ {it|this} out',
  ],
  // Consequences a seller threatens: the offer or service gets worse.
  WORSEN: [
    '{lose|forfeit|double|triple|jump|rise|disappear|vanish|expire|lapse|revert|downgrade}+', '{drop|fall|go|goes|went}+ {to|down to|up}',
    'pay+ {more|full price|list price|list|the full rate|extra|double|the full amount|full whack|sticker}', '{be|get|gets|got|is} {cut|cut off|suspended|downgraded|reduced|deprioritized|deprioritised|bumped|released|reassigned|gone|pulled}',
    'off the table', 'go+ to the back', 'give+ …3 to {another|someone|somebody|the next}',
    '{balloon|skyrocket|spike|soar|climb|increase|evaporate}+', '{go+|shoot+} up', 'get+ …3 {worse|more expensive|pricier|theoretical|harder|uglier}',
    '{be|is|get|gets} {retired|scrapped|withdrawn|voided|revoked|removed|deleted|wiped|switched off|shut off|turned off}', '{move|moved|go|revert+} to {list|full|standard|regular} price',
    'pay+ [the] full {freight|whack|price|rate|sticker|list|amount|fare|monty}', 'a {whole|totally|completely|very} different {sticker|price|number|story|ballgame|deal|figure|conversation}',
  ],
  // Who a seller threatens to escalate to, over the buyer's head.
  EXEC: [
    'ceo', 'boss', 'board', 'manager', 'cfo', 'cto', 'cio', 'coo', 'vp', 'svp', 'evp', 'execs', 'exec', 'executive+', 'leadership', 'director+',
    'superior+', 'management', 'higher-ups', 'chairman', 'founder+', 'president', 'owner+', 'head of …2', 'chief …2 officer',
  ],
  // Organisations and groups of buyers, for bandwagon and activity claims.
  ORGS: [
    '{company|firm|team|business|organisation|organization|org|brand|agency|client|customer|buyer|account|prospect|retailer|startup|shop|vendor|bank|hospital|school|practice|player|leader|peer|enterprise}+',
    '{dentist|doctor|vet|surgery|pharmacy|plumber|contractor|builder|realtor|broker|farm|farmer|garage|bakery|cafe|pub|bar}+', '{patient|donor|candidate|sponsor|tenant|member firm|distributor|reseller|supplier|wholesaler|franchisee}+', '{clinic|homeowner|household|family|couple|parent|dealer|dealership|hotel|restaurant|landlord|bidder|operator|planner|consultant|logo|member|subscriber|student|clinician|provider|carrier|insurer|charity|nonprofit|studio|gym|salon|office|lab|store|venue|founder|owner|neighbour|neighbor}+',
    'companies', 'businesses', 'people', 'folks', 'users', 'shoppers', 'fintechs', 'fintech', 'lifters', 'lifter', 'institutions', 'cfos', 'ceos', 'ctos', 'cios', 'vps', 'families', 'agencies', 'charities',
  ],
  // The documents a close pushes across the table.
  PAPERWORK: [
    '{contract|agreement|order form|invoice|purchase order|signature page|document|doc|sow|msa|renewal form}+', 'paperwork', 'order', 'po', 'docusign', 'papers',
  ],
  NEGATE: ["don't", 'do not', 'never', 'no need to', "doesn't", 'not'],
  // Committing verbs: what pressure pushes the buyer to do.
  DECIDE: [
    'decide', 'sign+', 'commit+', 'buy', 'purchase', 'choose', 'make a {decision|call|choice}', 'pull the trigger', 'get started',
    'move forward', 'go ahead', 'lock {it|this|that} in', 'say yes', 'ink {it|the deal|this}', 'confirm', 'agree', 'commit to {it|this}',
    'give {me|us} {a yes|an answer|the green light|your signature|a decision}', 'get {it|this|the deal} {done|signed}', 'close {it|this|the deal}',
    'put pen to paper', 'sign on the dotted line', 'get {it|this|the deal} across the line', 'proceed', 'book {it|this}', 'sign up', 'move ahead', 'go for it', 'shake hands', 'get the ink dry',
  ],
  // Insults aimed at a buyer's judgment.
  INSULT: [
    'crazy', 'insane', 'foolish', 'an idiot', 'a fool', 'stupid', 'nuts', 'mad', 'out of your mind', 'irresponsible', 'naive', 'an amateur',
    'clueless', 'reckless', 'dumb', 'a dinosaur', 'not serious', 'unprofessional',
  ],
  COMPETITORS: ['competitor+', 'rival+', 'peers', 'the competition', 'everyone else', 'other companies', 'other teams', 'your industry'],
  SLOT: [
    '{spot|seat|slot|place|opening|license|licence|unit|space|room|vacancy|position}+', '{onboarding|implementation|kickoff|launch|pilot} {slot|spot|seat|window}+',
  ],
  // Near-future time: what an urgency claim says an offer lasts until (broader than <TIME>).
  SOON: [
    '<TIME>', 'soon', 'shortly', 'any {day|minute|moment|second|time} [now]', 'next {week|month|quarter|year|cycle|season}',
    'this {week|month|quarter|weekend|half|round|cycle}', 'before {long|then|the weekend|the holidays|the new year|it goes|they go|the increase|the change}',
    'after {today|tonight|this|that|the weekend|this call|this week|this month}', 'by the weekend', '{month|quarter|year} end', 'in <N> {days|hours|weeks}',
    'until {i|we|you} {get off|hang up|leave|go|walk out|drive off|log off}', '{at|by|before|until|till|til} <CLOCK>', 'upon {conclusion|completion|the end|the close} of {this|the|our} {meeting|call|visit|presentation|tour|session}', '{once|when|after} {this|the} {cohort|round|batch|window|tour|session|event|presentation|promo|sale} {closes|ends|is over|wraps|fills}',
    '{once|when|after} {i|we} …2 {walk|drive|head|get} {back|away|out|off}', "while {i'm|i am|we're|we are|the tour's|the tour is} …3 {here|standing|on|running|still}", 'come {monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow}', 'once {i|we} {leave|hang up|drive off|walk out|get off|log off}', 'overnight',
    'from {monday|tuesday|wednesday|thursday|friday|tomorrow|next week|next month}', 'before {i|we} {leave|hang up|drive off|walk out}', 'end of [the] {day|week|month|quarter|year}',
    '{the|this} {second|minute|moment} {this|the|our} {call|meeting|visit|demo} {ends|is over|finishes|wraps}', '{till|until|by|before} {one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve} o\'clock',
    'while {you\'re|you are} {sat|sitting|standing|still} here', '{once|when} {they|you} leave the {building|house|showroom|store|room|shop}', '{when|once|after} {our|the|my} {quarter|half|month|year|fiscal year} {ends|closes|is over|wraps}',
  ],
  // Price nouns: what a threatened price rise is about.
  PRICE: [
    '{price|rate|premium|cost|fee|fare|tariff|charge|subscription|discount|quote|deal|offer}+', 'pricing', 'tuition',
  ],
  // How a price is said to rise.
  RISE: [
    '{rise|climb|jump|increase|spike|soar|double|triple|skyrocket|balloon|rocket|hike}+', '{at|pay+} full {freight|whack|sticker}', 'less {friendly|generous|kind|pretty|fun}', 'back up to {full|list|normal|regular|retail}', 'flip+ the switch', '{go|goes|going|went} up', 'shoot+ up', 'be higher', 'change+ any day',
    'about to {change|move|rise|climb|jump|go up|increase}', "won't be this {low|cheap|good}", 'never be this {low|cheap|good}', 'higher', 'more expensive', 'pricier', 'charged more', 'creeping up', 'revised upward',
  ],
  // Securing verbs: what an urgency claim tells the buyer to do.
  GRAB: [
    '{grab|lock|book|secure|claim|reserve|snag|nab|bag}+', 'lock+ […2] in', 'get+ […3] in', 'snap+ […3] up', 'jump+ on',
  ],
  // The seller's own calendar or numbers, put on the buyer.
  QUOTA: [
    '{month-end|quarter-end|year-end|period-end}', "{fiscal|financial|sales} year", '{my|our} {number|numbers|quota|target|targets|quarter|books|forecast|pipeline|month|year}',
    '{q1|q2|q3|q4} {number|numbers|target|targets|quota|close|forecast}', 'my {q1|q2|q3|q4}', 'my {commission|bonus|accelerator|spiff|president\'s club}',
  ],
  // Other buyers said to be waiting for what the buyer hesitates over.
  OTHERS: [
    '{another|other|a different|the next} [{big|local|large|major|rival}] <ORGS>', '<N> other [{big|local|large|major|rival}] <ORGS>', '{someone|somebody} else',
  ],
  // What a seller threatens to do to the offer or the buyer's place.
  PULL: [
    '{pull|withdraw|rescind|revoke|cancel|release|reassign|void|scrap|suspend|terminate|yank|retract|reallocate|forfeit}+', 'give+ …3 to', 'hand+ …3 to',
    'move+ on', 'take+ {it|this|that|the offer|the deal|the price|the discount} {away|back|off the table}', '{go|goes|going|went} to {another|someone|the next|a client|a customer|the waitlist}',
    'let …2 go', 'cut+ off', 'shut+ off', 'switch+ off', 'turn+ off',
  ],
  // Lawyers and collectors a seller threatens the buyer with.
  LEGAL: [
    'legal', '{lawyer|attorney|solicitor|counsel|collection+|debt collector}+', 'legal {team|department|dept}', 'our lawyers', 'court', 'lawsuit', 'sue', '{recovery|recoveries} {team|department|agency|dept}',
  ],
  // Catastrophic outcomes a fear appeal predicts.
  DOOM: [
    'done for', 'toast', 'ruined', 'bankrupt', 'wiped out', 'wipe+ out {everything|it all|your|you}', 'out of business', 'dead in the water', 'screwed', 'doomed', '{is|be|are} history',
    '{go|goes|going|went} {under|bust|belly up|bankrupt}', 'not make it', "{won't|will not|might not|may not|couldn't|could not|wouldn't} {survive|make it|recover|last}",
    'left with nothing', '{the first|first} to {fold|go under|die|fail|close|go bust}', 'leave+ {you|them} with nothing', 'sitting ducks', '{sink|sinks|sank|sunk|cripple+|bury|buries}', 'take+ …3 down with it', 'eaten alive', 'still have a business', '{circling|circle} the drain', 'out of runway', 'an easy target', 'the next victim', 'lose everything', 'out of a job', 'on the street', 'broke',
  ],
  // Incidents a fear appeal invokes.
  DISASTER: [
    '{breach|hack|attack|ransomware|fine|lawsuit|audit|outage|fire|flood|break-in|burglary|accident|incident|disaster|crash|mistake|injury|illness|storm|leak|failure|penalty}+',
    'data breach', 'bad day', '{burglar|thief|thieves|intruder|hacker|scammer|penalty|penalties|filing|damp|mould|mold|furnace|roof}+', 'bad audit', 'ransomware hit', 'cyber attack',
  ],
  // Contact channels, for evading a block or opt-out.
  CHANNEL: [
    '{number|line|phone|mobile|cell|email|e-mail|address|account|inbox|channel|profile|handle|domain|sim|burner|whatsapp|linkedin|sequence|cadence|gmail|hotmail|instagram|facebook|messenger|tiktok}+', 'office line',
  ],
  // A buyer's opt-out: the request persistence ignores.
  OPTOUT: [
    'stop', '{unsubscribe|opt out|opt-out|optout|block}+', 'remove me', 'take me off', 'leave me alone', 'not interested', '{do not|do-not} {call|contact|email}', 'dnc',
    'stop {contacting|calling|emailing|messaging|texting} me', 'no thanks', "don't contact", 'blocked', 'unsubscribes', '{hang|hangs|hung} up on {you|us}', 'do-not-call', 'said not to',
  ],
  // Contact verbs, for cadences.
  CONTACT: [
    '{call|email|e-mail|ping|text|message|dm|chase|nudge|dial|ring|hound|pester|hit …2 up|follow+ up|reach+ out|touch+ base|bump|poke|spam|bombard|follow-up}+',
  ],
  // Adoption verbs: what bandwagon claims say others have done.
  ADOPT: [
    '{sign|switch|buy|adopt|join|onboard|use|upgrade|enrol|enroll|register|renew|subscribe|book|request|order|choose|pick|partner|migrate|standardise|standardize}+',
    '{move|come|jump|hop|get}+ {on board|onboard|over|across|on}', 'say+ yes', '{grab|snag|snap}+', 'pile+ in', '{had|got|have} …3 {fitted|installed|put in}', '{made|make|makes|making} the {switch|move|jump|leap|change}', 'gone with us', 'went with us',
  ],
  // Universal or sweeping groups of others, for bandwagon claims.
  EVERYONE: [
    'all [of] [the] [other] <ORGS>', 'all [of] [the] [other] …2 <ORGS>', 'every [other] {<ORGS>|analyst|expert|consultant|planner|agency|firm|team|leader|cfo|ceo|cto}', 'every [other] …2 {<ORGS>|analyst|expert|consultant|planner|agency|firm|team|leader|cfo|ceo|cto}', '{everyone|everybody} [else]',
    'half {the|of|these|those}', 'most of <YOUR>', 'all <YOUR> {<ORGS>|<COMPETITORS>|peers|rivals|neighbours|neighbors}', '{nobody|no one|no-one} [else]', 'the rest of <YOUR> {<ORGS>|industry|market|sector|field|space}', '{all|every} [the] {top|leading|best|smart|serious|successful}', 'the {smartest|savviest|sharpest|best|most successful} <ORGS>', 'the whole {street|town|neighbourhood|neighborhood|industry|market|sector|city|office|building|block|region}', '{serious|smart|savvy|successful|forward-thinking|sharp} {operators|teams|companies|firms|buyers|leaders|owners|founders|players|businesses|shops}',
  ],
  ROLE: [
    'legal', 'procurement', 'finance', 'boss', 'manager', 'board', 'partner', 'spouse', 'wife', 'husband', 'team', 'it',
    'security', 'cfo', 'ceo', 'lawyer', 'attorney', 'accountant', 'advisor', 'adviser', 'family', 'colleagues', 'committee',
  ],
  TERMS: [
    'auto-renewal', 'autorenewal', 'renewal', 'minimum term', 'lock-in', 'lock in', 'setup fee', 'set-up fee', 'implementation fee',
    'fee+', 'cancellation {terms|fee|fees|policy}', 'cancellation', 'notice period', 'price increase+', 'overage+', 'fine print', 'small print',
    'termination {fee|fees|clause}', 'early termination', 'hidden cost+', 'contract length', 'commitment term',
  ],
};

/** Raw regular-expression bodies for macros that cannot be expressed as words. */
export const RAW_MACROS: Record<string, string> = {
  NUM: '\\d{1,6}(?:[.,]\\d+)?',
  // Percentages: "15%".
  PCT: '\\d{1,3}(?:[.,]\\d+)?%',
  // Clock times: "6pm", "5 p.m.", "17:00".
  CLOCK: '\\d{1,2}(?::\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)(?![a-z])',
  PH: '\\{\\{[^{}\\n]{0,60}\\}\\}',
  COUNTDOWN: '\\d{1,2}:\\d{2}(?::\\d{2})?',
  // Countdowns with the units glued on: "00DAYS02HRS14MINS", "1day 21:04:58", "0 d 11 h 59 m".
  TIMER: '\\d{1,4}\\s*(?:days?|d|hours?|hrs?|h)\\s*:?\\s*\\d{1,4}\\s*(?:hours?|hrs?|h|minutes?|mins?|m)?(?:\\s*:?\\s*\\d{1,4}\\s*(?:minutes?|mins?|m|seconds?|secs?|s))?',
};

/** Irregular inflections used by `word+`. */
export const IRREGULAR: Record<string, string[]> = {
  be: ['is', 'are', 'was', 'were', 'been', 'being', 'am'],
  have: ['has', 'had', 'having'],
  do: ['does', 'did', 'done', 'doing'],
  go: ['goes', 'went', 'gone', 'going'],
  get: ['gets', 'got', 'gotten', 'getting'],
  lose: ['loses', 'lost', 'losing'],
  buy: ['buys', 'bought', 'buying'],
  sell: ['sells', 'sold', 'selling'],
  make: ['makes', 'made', 'making'],
  take: ['takes', 'took', 'taken', 'taking'],
  give: ['gives', 'gave', 'given', 'giving'],
  leave: ['leaves', 'left', 'leaving'],
  hang: ['hangs', 'hung', 'hanged', 'hanging'],
  run: ['runs', 'ran', 'running'],
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  think: ['thinks', 'thought', 'thinking'],
  come: ['comes', 'came', 'coming'],
  keep: ['keeps', 'kept', 'keeping'],
  lead: ['leads', 'led', 'leading'],
  hit: ['hits', 'hitting'],
  put: ['puts', 'putting'],
  cut: ['cuts', 'cutting'],
  win: ['wins', 'won', 'winning'],
  break: ['breaks', 'broke', 'broken', 'breaking'],
  feel: ['feels', 'felt', 'feeling'],
  find: ['finds', 'found', 'finding'],
  pay: ['pays', 'paid', 'paying'],
  send: ['sends', 'sent', 'sending'],
  spend: ['spends', 'spent', 'spending'],
  stick: ['sticks', 'stuck', 'sticking'],
  bend: ['bends', 'bent', 'bending'],
  fight: ['fights', 'fought', 'fighting'],
  catch: ['catches', 'caught', 'catching'],
  bring: ['brings', 'brought', 'bringing'],
  know: ['knows', 'knew', 'known', 'knowing'],
  hear: ['hears', 'heard', 'hearing'],
  spread: ['spreads', 'spreading'],
  see: ['sees', 'saw', 'seen', 'seeing'],
  fall: ['falls', 'fell', 'fallen', 'falling'],
  choose: ['chooses', 'chose', 'chosen', 'choosing'],
  hold: ['holds', 'held', 'holding'],
  stand: ['stands', 'stood', 'standing'],
  drive: ['drives', 'drove', 'driven', 'driving'],
  write: ['writes', 'wrote', 'written', 'writing'],
  shut: ['shuts', 'shutting'],
  let: ['lets', 'letting'],
  set: ['sets', 'setting'],
  sign: ['signs', 'signed', 'signing'],
  slip: ['slips', 'slipped', 'slipping'],
  throw: ['throws', 'threw', 'thrown', 'throwing'],
  build: ['builds', 'built', 'building'],
  stop: ['stops', 'stopped', 'stopping'],
  grab: ['grabs', 'grabbed', 'grabbing'],
  bag: ['bags', 'bagged', 'bagging'],
  nag: ['nags', 'nagged', 'nagging'],
  beat: ['beats', 'beaten', 'beating'],
  wear: ['wears', 'wore', 'worn', 'wearing'],
  begin: ['begins', 'began', 'begun', 'beginning'],
  forget: ['forgets', 'forgot', 'forgotten', 'forgetting'],
  sleep: ['sleeps', 'slept', 'sleeping'],
  meet: ['meets', 'met', 'meeting'],
  miss: ['misses', 'missed', 'missing'],
  rush: ['rushes', 'rushed', 'rushing'],
  push: ['pushes', 'pushed', 'pushing'],
  crush: ['crushes', 'crushed', 'crushing'],
  smash: ['smashes', 'smashed', 'smashing'],
  reach: ['reaches', 'reached', 'reaching'],
  child: ['children'],
  person: ['people', 'persons'],
  company: ['companies'],
  opportunity: ['opportunities'],
  spot: ['spots'],
  seat: ['seats'],
};

/** Auxiliaries that take the `n't` contraction, with their contracted stem when irregular. */
export const NOT_CONTRACTIONS: Record<string, string[]> = {
  do: ["don't", 'dont'],
  does: ["doesn't", 'doesnt'],
  did: ["didn't", 'didnt'],
  is: ["isn't", 'isnt'],
  are: ["aren't", 'arent'],
  was: ["wasn't", 'wasnt'],
  were: ["weren't", 'werent'],
  has: ["hasn't", 'hasnt'],
  have: ["haven't", 'havent'],
  had: ["hadn't", 'hadnt'],
  will: ["won't", 'wont'],
  would: ["wouldn't", 'wouldnt'],
  could: ["couldn't", 'couldnt'],
  should: ["shouldn't", 'shouldnt'],
  can: ["can't", 'cant', 'cannot'],
  must: ["mustn't"],
  need: ["needn't"],
  might: ["mightn't"],
};

/** Pronoun + auxiliary contractions (`you're` = `you are`). */
export const PRONOUN_CONTRACTIONS: Record<string, Record<string, string[]>> = {
  will: { suffix: ["'ll"], words: ['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'there', 'who'] },
  are: { suffix: ["'re"], words: ['you', 'we', 'they', 'who', 'what'] },
  have: { suffix: ["'ve"], words: ['i', 'you', 'we', 'they', 'could', 'should', 'would', 'might', 'must', 'who'] },
  am: { suffix: ["'m"], words: ['i'] },
  would: { suffix: ["'d"], words: ['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'who'] },
  had: { suffix: ["'d"], words: ['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'who'] },
  is: { suffix: ["'s"], words: ['it', 'that', 'there', 'here', 'what', 'who', 'he', 'she', 'this', 'time', 'clock', 'now', 'price', 'offer', 'deal', 'everyone', 'everybody', 'nobody', 'one', 'where', 'how', 'let'] },
};

/** Spellings without apostrophe that people type for pronoun contractions. */
export const LOOSE_CONTRACTIONS: Record<string, string[]> = {
  "i'm": ['im'],
  "you're": ['youre'],
  "i've": ['ive'],
  "it's": ['its'],
  "that's": ['thats'],
  "there's": ['theres'],
  "we're": [],
  "they're": ['theyre'],
  "you'll": ['youll'],
  "i'll": [],
};
