import { resolve } from 'node:path';
import { RecordedEvent, StoredOversightEvent } from '../../src/events/envelope';
import { isOversightEventType } from '../../src/events/schema-versions';
import { Projection, ProjectionContext, projectionVersion } from '../../src/projections/projection';
import { EventStore, Subscription } from '../event-store/event-store.port';
import { ProjectionHealthSource } from '../nest/health/projection-health';
import { CheckpointAheadError, CheckpointMovedError, ReadStore, RebuildClaim, RebuildInProgressError } from '../read-store/read-store.port';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { asOversightEvent } from './oversight-event';
import { liveTarget, ProjectionRunner, ProjectionTarget, REBUILD_DOCUMENTS_PER_COMMIT, rebuildTarget } from './projection-runner';
import { ProjectorHealth } from './projector-health';
import { RebuiltProjection } from './childwise-rebuild';
import { loadProjections } from './projections-module';
import { isStaleRebuildClaim, newRebuildClaim } from './rebuild-claim';
import { replayInto } from './replay-into';
import { ChildwiseOutcome, rebuildableChildwise, runChildwiseRebuild } from './run-childwise-rebuild';
import { SqliteEventReplay } from './sqlite-event-replay';
import {
  ALL_PROJECTIONS_MODULE, EmbeddedRebuildOptions, RebuildWorkerLoadError, rebuildThreads,
} from './threaded-rebuild';

export interface ProjectorLogger {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface ProjectorOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: readonly Projection[];
  context: ProjectionContext;
  /**
   * the embedded stores' files, for rebuilds: a rebuild then reads the event store's file
   * itself, leaner than readAll (see sqlite-event-replay.ts), and folds projections that
   * name their child collections child by child, in worker threads that share the
   * children out (see threaded-rebuild.ts). Without it a rebuild reads with readAll and
   * folds all in this thread.
   */
  embeddedRebuild?: EmbeddedRebuildOptions;
  /** at most this many events between two commits while catching up (default 50,000) */
  batchSize?: number;
  /** while catching up, commit at least this often (default 1,000 ms): a crash loses at most this much work */
  commitIntervalMs?: number;
  /** once caught up, how long to gather further events before committing (default 20 ms) */
  liveCommitDelayMs?: number;
  /** how long to wait before resubscribing after an error (default 1,000 ms) */
  retryDelayMs?: number;
  logger?: ProjectorLogger;
}

export interface RebuildReport {
  name: string;
  /** the position the rebuilt read model was swapped in at */
  position: number;
  documents: number;
  eventsApplied: number;
  milliseconds: number;
}


const quietLogger: ProjectorLogger = {
  log: () => undefined,
  error: (message, error) => console.error(`[projector] ${message}`, error ?? ''),
};

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

const deferred = (): Deferred => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

/**
 * Feeds the projections from a checkpointed subscription to all events.
 *
 * Each projection's read model is held in memory (a council's read models fit in
 * memory) and loaded from the read store at start. The projector subscribes from the
 * lowest checkpoint, upcasts each event, skips event types that are not oversight
 * events, and gives each projection the events past its own checkpoint. Changed
 * documents are committed with the projection's new checkpoint in one transaction per
 * projection: every `batchSize` events while catching up, and shortly after the last
 * event once live, or at once when a query waits for an event already applied. A crash
 * loses nothing committed and never double-counts: the
 * documents and the checkpoint move together, and a restart resumes from the checkpoint.
 *
 * `rebuild(name)` replays from position 0 into fresh `<collection>__rebuild` collections
 * and swaps them in with the checkpoint at once, while queries keep reading the live ones.
 * A rebuild folds with each projection's replay when it has one (ProjectionReplay: the
 * facts only, each document completed once before it is written) and, given
 * `embeddedRebuild`, reads the SQLite event store's file itself and, for projections
 * that name their child collections, folds child by child in worker threads.
 */
export class Projector {
  private readonly eventStore: EventStore;
  private readonly readStore: ReadStore;
  private readonly projections: readonly Projection[];
  private readonly context: ProjectionContext;
  private readonly batchSize: number;
  private readonly commitIntervalMs: number;
  private readonly liveCommitDelayMs: number;
  /** a commit for waiting queries is queued and has not started */
  private waiterCommitQueued = false;
  private readonly retryDelayMs: number;
  private readonly logger: ProjectorLogger;
  private readonly embeddedRebuild?: EmbeddedRebuildOptions;

  private runners = new Map<string, ProjectionRunner>();
  private running = false;
  private subscription?: Subscription;
  /** bumped on each (re)subscription: callbacks of an older subscription are ignored */
  private generation = 0;
  private restarting = false;
  private caughtUp = false;
  private caughtUpSignal = deferred();
  private eventsSinceCommit = 0;
  private lastCommitAt = Date.now();
  private liveCommitTimer?: NodeJS.Timeout;
  private busy: Promise<void> | null = null;
  private positionWaiters: { position: number; resolve(): void; reject(error: Error): void }[] = [];

  constructor(options: ProjectorOptions) {
    this.eventStore = options.eventStore;
    this.readStore = options.readStore;
    this.projections = options.projections;
    this.context = options.context;
    this.batchSize = options.batchSize ?? 50_000;
    this.commitIntervalMs = options.commitIntervalMs ?? 1_000;
    this.liveCommitDelayMs = options.liveCommitDelayMs ?? 20;
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
    this.logger = options.logger ?? quietLogger;
    this.embeddedRebuild = options.embeddedRebuild;
    const names = new Set<string>();
    for (const projection of this.projections) {
      if (names.has(projection.name)) throw new Error(`two projections are named ${projection.name}`);
      names.add(projection.name);
    }
  }

  /** whether this projector is feeding its projections (started and not stopped) */
  get isRunning(): boolean {
    return this.running;
  }

  get projectionNames(): string[] {
    return this.projections.map((projection) => projection.name);
  }

  /** Loads the read models and subscribes. Resolves once subscribed, not once caught up (see whenCaughtUp). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.caughtUp) this.caughtUpSignal = deferred();
    for (const projection of this.projections) await this.ensureIndexes(projection, liveTarget(projection));
    await this.rebuildWhereBuiltByAnotherVersion();
    await this.rebuildWhereAheadOfEvents();
    await this.loadAndSubscribe();
  }

  /**
   * A read model built by another version of its projection's code (Projection.version),
   * or before versions were recorded, may lack what the code now folds in or read its
   * documents otherwise: it is rebuilt from the events before anything is served from
   * it. An empty one (checkpoint 0) is simply recorded as built by this version.
   */
  private async rebuildWhereBuiltByAnotherVersion(): Promise<void> {
    for (const projection of this.projections) {
      const version = projectionVersion(projection);
      const built = await this.readStore.readModelVersion(projection.name);
      if (built === version) continue;
      if ((await this.readStore.checkpoint(projection.name)) === 0) {
        await this.readStore.recordReadModelVersion(projection.name, version);
        continue;
      }
      this.logger.log(
        `the ${projection.name} read model was built by ${built === null ? 'a version from before versions were recorded' : `version ${built}`} ` +
          `of its code, this is version ${version}: rebuilding it`,
      );
      await this.rebuildUnlessRebuilding(projection);
    }
  }

  /**
   * A read model whose checkpoint is past the event store's last event was not built from
   * these events (a data folder copied file by file while it was written, a store restored
   * from an older backup): catching up would skip every new event up to its checkpoint. It
   * is rebuilt from the events before anything is served from it.
   */
  private async rebuildWhereAheadOfEvents(): Promise<void> {
    const head = await this.eventStore.headPosition();
    for (const projection of this.projections) {
      const checkpoint = await this.readStore.checkpoint(projection.name);
      if (checkpoint <= head) continue;
      this.logger.error(
        `the ${projection.name} read model is at position ${checkpoint}, past the event store's last event (${head}): ` +
          'it was not built from these events; rebuilding it',
      );
      await this.rebuildUnlessRebuilding(projection);
    }
  }

  private async rebuildUnlessRebuilding(projection: Projection): Promise<void> {
    try {
      await this.rebuild(projection.name);
    } catch (error) {
      // another process is rebuilding it already: its swap replaces this read model
      if (!(error instanceof RebuildInProgressError)) throw error;
    }
  }

  /** Resolves when the current subscription has reached the head of the store and committed. */
  whenCaughtUp(): Promise<void> {
    return this.caughtUpSignal.promise;
  }

  /** Resolves when every projection running here (and not failed) has committed `position` or beyond. */
  waitForPosition(position: number): Promise<void> {
    if (this.reached(position)) return Promise.resolve();
    const waiting = new Promise<void>((resolve, reject) => this.positionWaiters.push({ position, resolve, reject }));
    if (this.caughtUp && this.applied(position)) void this.commitForWaiters();
    return waiting;
  }

  /** Stops the subscription and commits what was applied. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.generation += 1;
    this.clearLiveCommit();
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.exclusive(() => this.commitAll());
    for (const waiter of this.positionWaiters.splice(0)) waiter.reject(new Error('the projector stopped'));
  }

  /**
   * Rebuilds one projection (or all) from position 0 into fresh collections and swaps
   * them in with the checkpoint. Queries keep reading the live collections until the swap.
   * Works whether this projector is running or not (e.g. from the CLI while the API runs
   * the projector: that projector notices the moved checkpoint at its next commit and reloads).
   * Another rebuild of one of them is refused (RebuildInProgressError) unless its process
   * is gone (see rebuild-claim.ts), or `takeOver` says the caller knows it is.
   */
  async rebuild(name?: string, options: { takeOver?: boolean } = {}): Promise<RebuildReport[]> {
    const selected = name === undefined ? this.projections : [this.projectionNamed(name)];
    const claim = await this.claimRebuilds(selected, options.takeOver === true);
    try {
      const reports = await this.rebuildClaimed(selected);
      for (const projection of selected) {
        await this.readStore.recordReadModelVersion(projection.name, projectionVersion(projection));
        for (const collection of projection.retiredCollections ?? []) await this.readStore.dropCollection(collection);
      }
      return reports;
    } finally {
      for (const projection of selected) await this.readStore.releaseRebuild(projection.name, claim.id);
    }
  }

  /**
   * Claims every projection to rebuild, before anything is emptied: throws
   * RebuildInProgressError (giving back what it claimed) when another rebuild holds one.
   */
  private async claimRebuilds(selected: readonly Projection[], takeOver: boolean): Promise<RebuildClaim> {
    const claim = newRebuildClaim(new Date());
    const claimed: Projection[] = [];
    try {
      for (const projection of selected) {
        await this.readStore.claimRebuild(projection.name, claim, (holder) => takeOver || isStaleRebuildClaim(holder, new Date()));
        claimed.push(projection);
      }
    } catch (error) {
      for (const projection of claimed) await this.readStore.releaseRebuild(projection.name, claim.id);
      throw error;
    }
    return claim;
  }

  private async rebuildClaimed(selected: readonly Projection[]): Promise<RebuildReport[]> {
    const started = Date.now();
    if (this.rebuildsFromFile() && rebuildableChildwise(selected)) return this.rebuildChildwise(selected, started);
    const rebuilt: ProjectionRunner[] = [];
    for (const projection of selected) {
      await this.prepareRebuild(projection);
      rebuilt.push(ProjectionRunner.empty(projection, this.context, rebuildTarget(projection)));
    }
    // one pass over the events for all of them, then each is swapped in on its own
    const head = await this.eventStore.headPosition();
    const applied = this.embeddedRebuild ? await this.replayFile(rebuilt, head) : await this.foldUpTo(rebuilt, head);
    const reports: RebuildReport[] = [];
    for (const runner of rebuilt) {
      const eventsApplied = applied.get(runner)! + (await this.swapIn(runner));
      reports.push(this.rebuilt(runner.name, runner.position, runner.documentCount(), eventsApplied, started));
    }
    return reports;
  }

  /** foldUpTo, reading the embedded event store's file with a replay reader (see sqlite-event-replay.ts). */
  private async replayFile(runners: ProjectionRunner[], head: number): Promise<Map<ProjectionRunner, number>> {
    const file = this.embeddedRebuild!.eventStoreFile;
    await this.checkEventStoreFile(file, head);
    const replay = new SqliteEventReplay(file);
    try {
      const applied = replayInto(runners, replay, head);
      return new Map(runners.map((runner, index) => [runner, applied[index]]));
    } finally {
      replay.close();
    }
  }

  private rebuilt(name: string, position: number, documents: number, eventsApplied: number, started: number): RebuildReport {
    const report = { name, position, documents, eventsApplied, milliseconds: Date.now() - started };
    this.logger.log(`rebuilt ${report.name}: ${report.eventsApplied} events, ${report.documents} documents, at position ${report.position}`);
    return report;
  }

  /** Empties the projection's rebuild collections and checkpoint. */
  private async prepareRebuild(projection: Projection): Promise<void> {
    const target = rebuildTarget(projection);
    for (const collection of projection.collections) await this.readStore.dropCollection(target.collection(collection));
    await this.readStore.deleteCheckpoint(target.checkpoint);
    await this.ensureIndexes(projection, target);
  }

  /** Whether a rebuild reads the embedded event store's file and its threads may write this projector's read store's file. */
  private rebuildsFromFile(): boolean {
    const options = this.embeddedRebuild;
    return options !== undefined && this.readStore instanceof SqliteReadStore && resolve(this.readStore.file) === resolve(options.readStoreFile);
  }

  /** The worker threads for a rebuild of these projections: 1 (this thread) unless the workers' projections module has these very projections. */
  private workerThreadsFor(selected: readonly Projection[]): number {
    const options = this.embeddedRebuild!;
    const threads = rebuildThreads(options);
    if (threads < 2) return 1;
    try {
      const exported = loadProjections(options.projections ?? ALL_PROJECTIONS_MODULE, selected.map((projection) => projection.name));
      return exported.every((projection, index) => projection === selected[index]) ? threads : 1;
    } catch {
      return 1;
    }
  }

  /**
   * Rebuilds child by child (see childwise-rebuild.ts), in worker threads when it can
   * (else, or when they cannot load their code, in this thread), then swaps each in.
   */
  private async rebuildChildwise(selected: readonly Projection[], started: number): Promise<RebuildReport[]> {
    const options = this.embeddedRebuild!;
    const head = await this.eventStore.headPosition();
    await this.checkEventStoreFile(options.eventStoreFile, head);
    const run = { projections: selected, head, config: this.context.config, options, projectionsModule: options.projections ?? ALL_PROJECTIONS_MODULE };
    const inThreads = async (threads: number) => {
      for (const projection of selected) await this.prepareRebuild(projection);
      return runChildwiseRebuild({ ...run, threads });
    };
    const threads = this.workerThreadsFor(selected);
    let outcome: ChildwiseOutcome;
    try {
      outcome = await inThreads(threads);
    } catch (error) {
      if (!(error instanceof RebuildWorkerLoadError)) throw error;
      this.logger.error('the rebuild threads did not start; rebuilding in this thread', error);
      outcome = await inThreads(1);
    }
    outcome.threads.forEach(({ foldMs, writeMs }, index) =>
      this.logger.log(`rebuild thread ${index + 1} of ${outcome.threads.length}, child by child: folded for ${foldMs} ms, wrote for ${writeMs} ms`),
    );
    const reports: RebuildReport[] = [];
    for (const projection of selected) {
      const rebuilt = outcome.rebuilt.find((candidate) => candidate.name === projection.name)!;
      const swapped = await this.swapInWritten(projection, rebuilt);
      reports.push(this.rebuilt(projection.name, swapped.position, swapped.documents, rebuilt.eventsApplied + swapped.applied, started));
    }
    return reports;
  }

  /** The threads read the event store's file themselves: it must be this projector's event store. */
  private async checkEventStoreFile(file: string, head: number): Promise<void> {
    if (head === 0) return;
    let expected: string | undefined;
    for await (const event of this.eventStore.readAll({ fromPosition: head - 1, maxCount: 1 })) expected = event.id;
    const replay = new SqliteEventReplay(file);
    try {
      const found = replay.idAt(head);
      if (found !== expected) throw new Error(`${file} is not this projector's event store (event ${head} is ${found}, expected ${expected})`);
    } finally {
      replay.close();
    }
  }

  /**
   * Swaps in a projection a worker wrote into its rebuild collections. When this
   * projector feeds it, or the live read model moved past the rebuild, the rebuilt
   * documents are loaded to fold the newer events in (as swapIn does). Returns the
   * position swapped in at, the documents and the events folded in meanwhile.
   */
  private async swapInWritten(projection: Projection, rebuilt: RebuiltProjection): Promise<{ position: number; documents: number; applied: number }> {
    const target = rebuildTarget(projection);
    if (!(this.running && this.runners.has(projection.name))) {
      const swaps = projection.collections.map((collection) => ({ from: target.collection(collection), to: collection }));
      try {
        await this.readStore.swapInRebuild(projection.name, rebuilt.position, swaps);
        await this.readStore.deleteCheckpoint(target.checkpoint);
        return { position: rebuilt.position, documents: rebuilt.documents, applied: 0 };
      } catch (error) {
        if (!(error instanceof CheckpointAheadError)) throw error;
      }
    }
    const runner = await ProjectionRunner.load(projection, this.context, this.readStore, target);
    const applied = await this.swapIn(runner);
    return { position: runner.position, documents: runner.documentCount(), applied };
  }

  async health(): Promise<ProjectorHealth[]> {
    const headPosition = await this.eventStore.headPosition();
    return Promise.all(
      this.projections.map(async (projection): Promise<ProjectorHealth> => {
        const position = await this.readStore.checkpoint(projection.name);
        const lag = Math.max(0, headPosition - position);
        const runner = this.runners.get(projection.name);
        const claim = await this.readStore.rebuildClaim(projection.name);
        const here = this.running || runner !== undefined;
        let status: ProjectorHealth['status'] = lag === 0 ? 'ok' : 'catching-up';
        if (runner?.failure) status = 'error';
        else if (here && !this.running) status = 'stopped';
        return {
          name: projection.name,
          checkpoint: position,
          position,
          headPosition,
          lag,
          status,
          runsIn: here ? 'this-process' : 'another-process',
          version: projectionVersion(projection),
          builtByVersion: await this.readStore.readModelVersion(projection.name),
          ...(runner?.failure
            ? { error: `${runner.failure.eventType} at position ${runner.failure.position}: ${runner.failure.message}` }
            : {}),
          ...(claim
            ? { rebuild: { since: claim.claimedAt, host: claim.host, pid: claim.pid, processGone: isStaleRebuildClaim(claim, new Date()) } }
            : {}),
        };
      }),
    );
  }

  /** The source GET /health reads (see libs/nest/health/projection-health.ts). */
  healthSource(): ProjectionHealthSource {
    return () => this.health();
  }

  // ---- live feeding ------------------------------------------------------------

  private async loadAndSubscribe(): Promise<void> {
    const runners = new Map<string, ProjectionRunner>();
    for (const projection of this.projections) {
      runners.set(projection.name, await ProjectionRunner.load(projection, this.context, this.readStore, liveTarget(projection)));
    }
    this.runners = runners;
    this.eventsSinceCommit = 0;
    this.lastCommitAt = Date.now();
    this.subscribe();
  }

  private subscribe(): void {
    const active = [...this.runners.values()].filter((runner) => !runner.failed);
    const generation = ++this.generation;
    this.caughtUp = false;
    if (active.length === 0) {
      this.caughtUp = true;
      this.caughtUpSignal.resolve();
      return;
    }
    const fromPosition = Math.min(...active.map((runner) => runner.position));
    this.logger.log(`subscribing from position ${fromPosition} for ${active.map((r) => r.name).join(', ')}`);
    this.subscription = this.eventStore.subscribeToAll({
      fromPosition,
      onEvent: (event) => this.onEvent(event, generation),
      onCaughtUp: () => this.onCaughtUp(generation),
      onError: (error) => this.onSubscriptionError(error, generation),
    });
  }

  private onEvent(event: RecordedEvent, generation: number): Promise<void> | void {
    if (generation !== this.generation) return;
    if (this.busy) return this.busy.then(() => this.onEvent(event, generation));
    this.feed(event);
    this.eventsSinceCommit += 1;
    if (this.caughtUp) {
      if (this.eventsSinceCommit >= this.batchSize) return this.exclusive(() => this.commitAll());
      if (this.positionWaiters.some((waiter) => this.applied(waiter.position))) return this.commitForWaiters();
      this.scheduleLiveCommit();
    } else if (this.catchUpCommitDue()) {
      return this.exclusive(() => this.commitAll());
    }
  }

  /**
   * While catching up, the documents are committed every batchSize events or every
   * commitIntervalMs, whichever comes first: few enough commits that a document touched
   * by many events is written once per commit, often enough that a crash loses little.
   */
  private catchUpCommitDue(): boolean {
    if (this.eventsSinceCommit >= this.batchSize) return true;
    return (this.eventsSinceCommit & 255) === 0 && Date.now() - this.lastCommitAt >= this.commitIntervalMs;
  }

  private feed(recorded: RecordedEvent): void {
    const oversight = isOversightEventType(recorded.type);
    let event: StoredOversightEvent | undefined;
    for (const runner of this.runners.values()) {
      if (runner.failed || runner.position >= recorded.position) continue;
      if (!oversight) {
        runner.skip(recorded.position);
        continue;
      }
      try {
        event ??= asOversightEvent(recorded)!;
      } catch (error) {
        // a stored version no upcaster reads: the projection stops here until the code can read it
        runner.failure = { position: recorded.position, eventId: recorded.id, eventType: recorded.type, message: String(error) };
        this.logger.error(`cannot read event ${recorded.id} at position ${recorded.position}`, error);
        continue;
      }
      if (!runner.apply(event)) {
        this.logger.error(`projection ${runner.name} failed at position ${event.position} (${event.type}): ${runner.failure?.message}`);
      }
    }
  }

  private onCaughtUp(generation: number): void {
    if (generation !== this.generation) return;
    this.caughtUp = true;
    this.clearLiveCommit();
    void this.exclusive(() => this.commitAll()).then(() => {
      if (generation !== this.generation) return;
      this.logger.log(`caught up at position ${Math.min(...[...this.runners.values()].map((r) => r.committedPosition))}`);
      this.caughtUpSignal.resolve();
    });
  }

  private onSubscriptionError(error: unknown, generation: number): void {
    if (generation !== this.generation) return;
    this.logger.error('the subscription to all events failed; resubscribing', error);
    this.restart(this.retryDelayMs);
  }

  private scheduleLiveCommit(): void {
    if (this.liveCommitTimer) return;
    this.liveCommitTimer = setTimeout(() => {
      this.liveCommitTimer = undefined;
      void this.exclusive(() => this.commitAll());
    }, this.liveCommitDelayMs);
    this.liveCommitTimer.unref();
  }

  /** A query waits for events already applied in memory: commit them now rather than at the live commit. */
  private async commitForWaiters(): Promise<void> {
    if (this.waiterCommitQueued) return;
    this.waiterCommitQueued = true;
    this.clearLiveCommit();
    await this.exclusive(() => {
      this.waiterCommitQueued = false;
      return this.commitAll();
    });
  }

  private clearLiveCommit(): void {
    if (this.liveCommitTimer) clearTimeout(this.liveCommitTimer);
    this.liveCommitTimer = undefined;
  }

  /**
   * Commits every projection's pending documents with its checkpoint: all in one
   * transaction where the read store can (commitTogether), else each in its own. A
   * failure reloads every projection from the read store, whatever was committed.
   */
  private async commitAll(): Promise<void> {
    this.eventsSinceCommit = 0;
    this.lastCommitAt = Date.now();
    const prepared = [...this.runners.values()].map((runner) => runner.prepareFlush()).filter((commit) => commit !== undefined);
    if (prepared.length > 0) {
      const store = this.readStore;
      const commits = prepared.map(({ commit }) => commit);
      try {
        if (store.commitTogether) await store.commitTogether(commits);
        else for (const { projection, position, write, expected } of commits) await store.commit(projection, position, write, expected);
      } catch (error) {
        for (const commit of prepared) commit.failed();
        this.commitFailed(error, commits.map(({ projection }) => projection).join(', '));
        return;
      }
      for (const commit of prepared) commit.committed();
    }
    this.settleWaiters();
  }

  private commitFailed(error: unknown, names: string): void {
    if (error instanceof CheckpointMovedError) {
      this.logger.log(`the checkpoint of ${error.projection} was moved by another writer (a rebuild?): reloading`);
      this.restart(0);
    } else {
      this.logger.error(`committing ${names} failed; reloading from the read store`, error);
      this.restart(this.retryDelayMs);
    }
  }

  /** Drops the in-memory state and the subscription, then loads from the read store and subscribes again. */
  private restart(delayMs: number): void {
    if (this.restarting || !this.running) return;
    this.restarting = true;
    this.generation += 1;
    this.clearLiveCommit();
    const subscription = this.subscription;
    this.subscription = undefined;
    void (async () => {
      let failed = false;
      try {
        // not awaited by the event handler that asked for the restart: stop() waits for that handler
        await subscription?.stop();
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (!this.running) return;
        if (this.caughtUp) this.caughtUpSignal = deferred();
        await this.exclusive(() => this.loadAndSubscribe());
      } catch (error) {
        this.logger.error('reloading the projections failed', error);
        failed = true;
      } finally {
        this.restarting = false;
      }
      if (failed) this.restart(this.retryDelayMs);
    })();
  }

  private reached(position: number): boolean {
    if (this.runners.size === 0) return false;
    for (const runner of this.runners.values()) {
      if (!runner.failed && runner.committedPosition < position) return false;
    }
    return true;
  }

  /** Whether every projection running here (and not failed) has applied `position` in memory. */
  private applied(position: number): boolean {
    if (this.runners.size === 0) return false;
    for (const runner of this.runners.values()) {
      if (!runner.failed && runner.position < position) return false;
    }
    return true;
  }

  private settleWaiters(): void {
    if (this.positionWaiters.length === 0) return;
    const still: typeof this.positionWaiters = [];
    for (const waiter of this.positionWaiters) {
      if (this.reached(waiter.position)) waiter.resolve();
      else still.push(waiter);
    }
    this.positionWaiters = still;
  }

  /** Runs `work` alone: event delivery waits until it is done. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.busy) await this.busy;
    const running = work();
    const done = running.then(
      () => undefined,
      () => undefined,
    );
    this.busy = done;
    try {
      return await running;
    } finally {
      if (this.busy === done) this.busy = null;
    }
  }

  // ---- rebuild -----------------------------------------------------------------

  /**
   * Writes a rebuilt read model into its fresh collections and swaps them in with the
   * checkpoint. When this process feeds the projection, event delivery waits while the
   * last events are folded in and the live runner takes over the rebuilt documents.
   * Returns the events folded in meanwhile.
   */
  private async swapIn(rebuilt: ProjectionRunner): Promise<number> {
    const projection = rebuilt.projection;
    const swaps = projection.collections.map((collection) => ({ from: rebuilt.target.collection(collection), to: collection }));
    let applied = 0;
    for (;;) {
      try {
        await rebuilt.flushInChunks(this.readStore, REBUILD_DOCUMENTS_PER_COMMIT);
        const live = this.running ? this.runners.get(projection.name) : undefined;
        if (live) {
          await this.exclusive(async () => {
            const head = Math.max(await this.eventStore.headPosition(), live.position);
            applied += (await this.foldUpTo([rebuilt], head)).get(rebuilt)!;
            await rebuilt.flushInChunks(this.readStore, REBUILD_DOCUMENTS_PER_COMMIT);
            live.adopt(rebuilt, await this.readStore.swapInRebuild(projection.name, rebuilt.position, swaps));
          });
        } else {
          await this.readStore.swapInRebuild(projection.name, rebuilt.position, swaps);
        }
        break;
      } catch (error) {
        if (!(error instanceof CheckpointAheadError)) throw error;
        const head = await this.eventStore.headPosition();
        if (error.live > head) {
          // the live read model is past the store's last event: no folding reaches it, and it is not these events' (see rebuildWhereAheadOfEvents)
          this.logger.error(`the live ${projection.name} read model is at ${error.live}, past the event store's last event (${head}): replacing it`);
          await this.readStore.deleteCheckpoint(projection.name);
          continue;
        }
        // the live read model moved past the rebuild meanwhile: fold the newer events in and try again
        applied += (await this.foldUpTo([rebuilt], head)).get(rebuilt)!;
      }
    }
    await this.readStore.deleteCheckpoint(rebuilt.target.checkpoint);
    return applied;
  }

  /**
   * Reads the events past the runners' positions up to `head` into them, in memory: a
   * rebuild writes each document once, when it is swapped in (a crash part way only
   * means rebuilding again; the live read model is untouched until the swap).
   * Returns, per runner, the oversight events it applied.
   */
  private async foldUpTo(runners: ProjectionRunner[], head: number): Promise<Map<ProjectionRunner, number>> {
    const applied = new Map(runners.map((runner) => [runner, 0]));
    const from = Math.min(...runners.map((runner) => runner.position));
    if (from >= head) return applied;
    for await (const recorded of this.eventStore.readAll({ fromPosition: from })) {
      if (recorded.position > head) break;
      const event = asOversightEvent(recorded);
      for (const runner of runners) {
        if (runner.position >= recorded.position) continue;
        if (!event) {
          runner.skip(recorded.position);
        } else if (runner.apply(event)) {
          applied.set(runner, applied.get(runner)! + 1);
        } else {
          const failure = runner.failure;
          throw new Error(`rebuilding ${runner.name} failed at position ${failure?.position} (${failure?.eventType}): ${failure?.message}`);
        }
      }
    }
    return applied;
  }

  private async ensureIndexes(projection: Projection, target: ProjectionTarget): Promise<void> {
    for (const collection of projection.collections) {
      await this.readStore.ensureIndexes(target.collection(collection), projection.indexes?.[collection] ?? []);
    }
  }

  private projectionNamed(name: string): Projection {
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (!projection) throw new UnknownProjectionError(name, this.projectionNames);
    return projection;
  }
}

export class UnknownProjectionError extends Error {
  constructor(
    readonly projection: string,
    readonly known: string[],
  ) {
    super(`no projection named ${projection}; the projections are: ${known.join(', ') || '(none)'}`);
    this.name = 'UnknownProjectionError';
  }
}
