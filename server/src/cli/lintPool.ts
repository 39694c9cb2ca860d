// Lints files on worker threads beside the main thread, for large runs on machines with several cores.
// Each worker runs the same bundle (dist/cli.js) in worker mode and resolves each file's config itself, the same
// way the main thread does, so a result never depends on which thread produced it.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { lint, type Finding } from '../core';
import { ConfigResolver } from '../node/configResolver';

/** One file to lint. `configFile` is the explicit --config, if any. */
export interface LintTask {
  file: string;
  text: string;
  languageId: string;
  configFile?: string;
}

export interface LintOutcome {
  findings: Finding[];
  problems: string[];
}

type Reply = { id: number } & ({ ok: true; outcome: LintOutcome } | { ok: false; message: string });

/** Marks a worker started by LintPool. */
const WORKER_FLAG = 'trustlintLintWorker';

/** True in a thread LintPool started: the entry point then serves tasks instead of running the CLI. */
export function isLintWorker(): boolean {
  return parentPort !== null && (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG] === true;
}

/** Lints a task the way the main thread would. Shared by the worker and the main thread. */
export function lintTask(task: LintTask, resolver: ConfigResolver): LintOutcome {
  const loaded = task.configFile !== undefined ? resolver.fromFile(task.configFile) : resolver.forFile(task.file);
  const result = lint(task.text, { languageId: task.languageId, config: loaded.config });
  return { findings: result.findings, problems: result.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) };
}

/** The worker's side: answers each task with its outcome, or with the error that stopped it. */
export function serveLintWorker(): void {
  const resolver = new ConfigResolver({ rememberLookups: true });
  // Tests make a thread stop after some tasks, to check that a run survives losing one.
  let stopAfter = Number(process.env.TRUSTLINT_TEST_THREAD_STOPS_AFTER ?? 0);
  parentPort!.on('message', (task: LintTask & { id: number }) => {
    if (stopAfter > 0 && --stopAfter === 0) process.exit(70);
    let reply: Reply;
    try {
      reply = { id: task.id, ok: true, outcome: lintTask(task, resolver) };
    } catch (error) {
      reply = { id: task.id, ok: false, message: (error as Error).message };
    }
    parentPort!.postMessage(reply);
  });
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (o: LintOutcome) => void; reject: (e: Error) => void }>;
  /** Characters sent so far, to balance the work. */
  assigned: number;
  /** The worker stopped (an error, or it exited): it gets no more tasks. */
  dead: boolean;
}

/** A fixed set of worker threads; tasks go to the least loaded one. */
export class LintPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;

  constructor(script: string, threads: number) {
    for (let k = 0; k < threads; k++) {
      const worker = new Worker(script, { workerData: { [WORKER_FLAG]: true } });
      const slot: Slot = { worker, pending: new Map(), assigned: 0, dead: false };
      worker.on('message', (reply: Reply) => {
        const waiting = slot.pending.get(reply.id);
        slot.pending.delete(reply.id);
        if (reply.ok) waiting?.resolve(reply.outcome);
        else waiting?.reject(new Error(reply.message));
      });
      // A worker that dies fails its own tasks (the run reports them like any other internal error) and gets no more.
      const stop = (error: Error) => {
        slot.dead = true;
        for (const w of slot.pending.values()) w.reject(error);
        slot.pending.clear();
      };
      worker.on('error', stop);
      worker.on('exit', (code) => { if (!slot.dead) stop(new Error(`a lint thread stopped (exit code ${code})`)); });
      this.slots.push(slot);
    }
  }

  /** True when every worker has at least `depth` tasks waiting: the caller can lint the next file itself. */
  busy(depth = 2): boolean {
    // With no worker left, the caller lints everything itself.
    return this.slots.every((s) => s.dead || s.pending.size >= depth);
  }

  /** Sends a task to the live worker with the fewest tasks waiting (then the fewest characters). */
  run(task: LintTask): Promise<LintOutcome> {
    const live = this.slots.filter((s) => !s.dead);
    if (live.length === 0) return Promise.reject(new Error('no lint thread is running'));
    const slot = live.reduce((a, b) => (b.pending.size < a.pending.size || (b.pending.size === a.pending.size && b.assigned < a.assigned) ? b : a));
    slot.assigned += task.text.length;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...task, id });
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    for (const s of this.slots) s.dead = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
