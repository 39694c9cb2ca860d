// The shipped rule pack: one JSON file per category. Rules are data; adding one never needs TypeScript.

import falseUrgency from './false-urgency.json';
import artificialScarcity from './artificial-scarcity.json';
import pressureToDecide from './pressure-to-decide.json';
import assumptiveClose from './assumptive-close.json';
import ultimatumThreat from './ultimatum-threat.json';
import guiltObligation from './guilt-obligation.json';
import fearFud from './fear-fud.json';
import socialProofPressure from './social-proof-pressure.json';
import confirmshaming from './confirmshaming.json';
import objectionOverride from './objection-override.json';
import minimizingConcerns from './minimizing-concerns.json';
import priceOpacity from './price-opacity.json';
import manipulativeTrickery from './manipulative-trickery.json';
import leadingQuestions from './leading-questions.json';
import conversationControl from './conversation-control.json';
import falseIntimacy from './false-intimacy.json';
import combatMetaphor from './combat-metaphor.json';
import persistenceNagging from './persistence-nagging.json';

/** Every shipped pack file with its name, for located load errors. */
export const BUILTIN_PACK_FILES: Array<{ name: string; pack: unknown }> = [
  { name: 'false-urgency.json', pack: falseUrgency },
  { name: 'artificial-scarcity.json', pack: artificialScarcity },
  { name: 'pressure-to-decide.json', pack: pressureToDecide },
  { name: 'assumptive-close.json', pack: assumptiveClose },
  { name: 'ultimatum-threat.json', pack: ultimatumThreat },
  { name: 'guilt-obligation.json', pack: guiltObligation },
  { name: 'fear-fud.json', pack: fearFud },
  { name: 'social-proof-pressure.json', pack: socialProofPressure },
  { name: 'confirmshaming.json', pack: confirmshaming },
  { name: 'objection-override.json', pack: objectionOverride },
  { name: 'minimizing-concerns.json', pack: minimizingConcerns },
  { name: 'price-opacity.json', pack: priceOpacity },
  { name: 'manipulative-trickery.json', pack: manipulativeTrickery },
  { name: 'leading-questions.json', pack: leadingQuestions },
  { name: 'conversation-control.json', pack: conversationControl },
  { name: 'false-intimacy.json', pack: falseIntimacy },
  { name: 'combat-metaphor.json', pack: combatMetaphor },
  { name: 'persistence-nagging.json', pack: persistenceNagging },
];
