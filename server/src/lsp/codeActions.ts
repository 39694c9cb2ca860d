// Code actions built from the current text's findings, never from the (possibly stale) diagnostics in the request.
import {
  CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, fixAll, type Finding } from '../core';
import { allowPhraseEdit, type AllowTarget } from './configEdits';
import { rangeOf, SOURCE } from './diagnostics';
import type { Outcome } from './state';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.trustlint`;

/** The kinds the server announces in codeActionProvider. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** A requested `only` entry selects a kind when it equals it or is one of its parents ("source" selects "source.fixAll.trustlint"). */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/** What the client can do, and the config file "Always allow" edits (read beforehand, see configEdits.allowTarget). */
export interface ActionContext {
  canCreateFiles: boolean;
  allow?: AllowTarget;
}

/** Whether a request may produce "Always allow" actions, which need the config file read first. */
export function offersAllow(params: CodeActionParams): boolean {
  const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
  const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
  return kindRequested(only, CodeActionKind.QuickFix) && diagnostics.some((d) => ruleIdOf(d) !== undefined);
}

export function codeActions(doc: TextDocument, params: CodeActionParams, outcome: Outcome, context: ActionContext = { canCreateFiles: false }): CodeAction[] {
  const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
  const actions: CodeAction[] = [];
  if (kindRequested(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(doc, params, outcome, context));
  // Fix-all is cheap from the cache; without `only` it is offered only when it would change something.
  if (kindRequested(only, FIX_ALL_KIND)) {
    const action = fixAllAction(doc, outcome, only !== undefined && only.length > 0);
    if (action) actions.push(action);
  }
  return actions;
}

function quickFixes(doc: TextDocument, params: CodeActionParams, outcome: Outcome, context: ActionContext): CodeAction[] {
  const findings = outcome.findings;
  const uri = doc.uri;
  const requestStart = doc.offsetAt(params.range.start);
  const requestEnd = doc.offsetAt(params.range.end);
  const used = new Set<Finding>();
  const disabled = new Set<string>();
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];

  const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
  for (const diagnostic of diagnostics) {
    const ruleId = ruleIdOf(diagnostic);
    if (!ruleId || !diagnostic.range?.start || !diagnostic.range.end) continue;
    const diagStart = doc.offsetAt(diagnostic.range.start);
    const diagEnd = doc.offsetAt(diagnostic.range.end);
    const candidates = findings.filter(
      (f) => !used.has(f) && f.ruleId === ruleId && overlaps(f, requestStart, requestEnd) && overlaps(f, diagStart, diagEnd),
    );
    // Prefer the finding that sits exactly where the diagnostic says; after edits elsewhere, any overlapping one.
    candidates.sort((a, b) => distance(a, diagStart, diagEnd) - distance(b, diagStart, diagEnd));
    const finding = candidates[0];
    if (!finding) continue;
    used.add(finding);

    finding.fixes.forEach((fix, index) => {
      const action = CodeAction.create(fix.title, { changes: { [uri]: [{ range: rangeOf(doc, fix.start, fix.end), newText: fix.replacement }] } }, CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      if (index === 0) action.isPreferred = true;
      fixes.push(action);
    });

    const line = doc.positionAt(finding.start).line;
    const key = `${ruleId}\u0000${line}`;
    if (!disabled.has(key)) {
      disabled.add(key);
      const action = CodeAction.create(`Disable ${ruleId} for this line`, { changes: { [uri]: [disableEdit(doc, line, ruleId)] } }, CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      disables.push(action);
      if (finding.category !== 'playbook') {
        const fileAction = CodeAction.create(`Disable ${ruleId} for this file`, { changes: { [uri]: [disableFileEdit(doc, ruleId)] } }, CodeActionKind.QuickFix);
        fileAction.diagnostics = [diagnostic];
        disables.push(fileAction);
        const allow = allowAction(finding, context);
        if (allow) { allow.diagnostics = [diagnostic]; disables.push(allow); }
      }
      const docs = CodeAction.create(`Show documentation for ${ruleId}`, { title: `Show documentation for ${ruleId}`, command: 'vscode.open', arguments: [docsUrl(ruleId)] }, CodeActionKind.QuickFix);
      docs.diagnostics = [diagnostic];
      disables.push(docs);
    }
  }
  // Rewrites first, suppressions last, so the lightbulb leads with the trust-based alternative.
  return [...fixes, ...disables];
}

/** Inserts the directive on its own line above `line`, indented like it. */
export function disableEdit(doc: TextDocument, line: number, ruleId: string): TextEdit {
  const lineStart = doc.offsetAt({ line, character: 0 });
  const rest = doc.getText().slice(lineStart);
  const indent = /^[ \t]*/.exec(rest)?.[0] ?? '';
  const eol = /\r\n/.test(doc.getText()) ? '\r\n' : '\n';
  return { range: rangeOf(doc, lineStart, lineStart), newText: `${indent}<!-- trustlint-disable-next-line ${ruleId} -->${eol}` };
}

/** `<!-- trustlint-disable-file rule -->` at the top, after front matter if there is some. */
export function disableFileEdit(doc: TextDocument, ruleId: string): TextEdit {
  const text = doc.getText();
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  const at = fm ? fm[0].length : 0;
  const newText = `${fm && !/\n$/.test(fm[0]) ? eol : ''}<!-- trustlint-disable-file ${ruleId} -->${eol}`;
  return { range: rangeOf(doc, at, at), newText };
}

/** "Always allow “…”": adds the flagged words to `allow` in the nearest .trustlintrc.json (created if needed). */
function allowAction(finding: Finding, context: ActionContext): CodeAction | undefined {
  if (!context.allow) return undefined;
  const phrase = finding.text.replace(/\s+/g, ' ').trim();
  if (!phrase || phrase.length > 80) return undefined;
  const edit = allowPhraseEdit(context.allow, phrase, context.canCreateFiles);
  if (!edit) return undefined;
  const where = context.allow.existing ? context.allow.existing.name : '.trustlintrc.json (new)';
  return CodeAction.create(`Always allow “${phrase}” (add to ${where})`, edit, CodeActionKind.QuickFix);
}

function fixAllAction(doc: TextDocument, outcome: Outcome, requested: boolean): CodeAction | undefined {
  if (!outcome.config) return undefined;
  if (!requested && !outcome.findings.some((f) => f.fixes.some((fix) => fix.dropIn))) return undefined;
  const before = doc.getText();
  const result = fixAll(before, { languageId: doc.languageId, config: outcome.config });
  if (result.applied === 0 || result.text === before) return undefined;
  const action = CodeAction.create('Apply all drop-in Trustlint fixes', { changes: { [doc.uri]: [minimalEdit(doc, before, result.text)] } }, FIX_ALL_KIND);
  return action;
}

/** One edit covering only the span between the common prefix and suffix of the two texts. */
export function minimalEdit(doc: Pick<TextDocument, 'positionAt'>, before: string, after: string): TextEdit {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Never split a surrogate pair: positions must land on whole UTF-16 characters.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    range: rangeOf(doc, prefix, before.length - suffix),
    newText: after.slice(prefix, after.length - suffix),
  };
}

function ruleIdOf(diagnostic: Diagnostic | undefined): string | undefined {
  if (typeof diagnostic !== 'object' || diagnostic === null) return undefined;
  if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) return undefined;
  const code = diagnostic.code;
  return typeof code === 'string' && code.length > 0 ? code : undefined;
}

/** Inclusive at both ends so a cursor touching either edge of a finding still counts. */
function overlaps(finding: Finding, start: number, end: number): boolean {
  return finding.start <= end && start <= finding.end;
}

function distance(finding: Finding, start: number, end: number): number {
  return Math.abs(finding.start - start) + Math.abs(finding.end - end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
