import { Worker } from "node:worker_threads";
import type { PressKitModel } from "@tribune/domain/press-kit";
import type { PrintableProgramme } from "@tribune/domain/schedule";
import type { BadgeSheets, CertificateBook } from "@tribune/domain/union";
import type { RenderDocument, RenderRequest, RenderResponse } from "./worker";

export interface RenderedPdf {
  pdf: Buffer;
  pageCount: number;
  milliseconds: number;
}

/** Every place in the queue is taken: the caller answers 503 with Retry-After. */
export class PressKitBusyError extends Error {
  readonly code = "busy";
  constructor(readonly retryAfterSeconds: number) {
    super("Press-kit renderer busy");
  }
}

/** One render took longer than the renderer's timeout: its worker was stopped. */
export class PressKitTimeoutError extends Error {
  readonly code = "timeout";
}

export interface PressKitRendererOptions {
  /** Renders waiting behind the one in progress; one more is refused (PressKitBusyError). */
  maxWaiting?: number;
  /** Longest one render may take, counted from its start, not from its arrival in the queue. */
  timeoutMs?: number;
  /** The worker's module and workerData (tests: a slow or stuck stand-in). */
  worker?: { url: URL; data?: unknown };
}

/** A place in the render queue, held from before the model is built until the PDF is made. */
export interface RenderTicket {
  /** Renders `model` in its turn; the ticket is spent. */
  render(model: PressKitModel): Promise<RenderedPdf>;
  /** The same for the printable programme (programme.pdf), in the same queue and worker. */
  renderProgramme(model: PrintableProgramme): Promise<RenderedPdf>;
  /** Badge sheets and attendance certificates, in the same queue and worker. */
  renderBadges(model: BadgeSheets): Promise<RenderedPdf>;
  renderCertificates(model: CertificateBook): Promise<RenderedPdf>;
  /** Gives the place back if `render` was not called (the model could not be built). */
  release(): void;
}

type RenderModel = PressKitModel | PrintableProgramme | BadgeSheets | CertificateBook;

interface Job {
  id: number;
  document: RenderDocument;
  model: RenderModel | null;
  resolve(result: RenderedPdf): void;
  reject(error: Error): void;
  promise: Promise<RenderedPdf>;
  timer?: NodeJS.Timeout;
}

const DEFAULT_WORKER = new URL("./worker-entry.mjs", import.meta.url);
/** What a render of the 2026 kit takes in a warm worker, with margin, before any is measured. */
const TYPICAL_RENDER_MS = 2000;

/**
 * Renders press kits off the request path, in one long-lived worker thread (fonts stay loaded
 * between renders), so the server keeps answering while react-pdf lays out pages. One render
 * at a time; at most `maxWaiting` more wait their turn, and any further request is refused at
 * once (the worker is CPU-bound: a longer queue only makes everyone wait longer). Each render
 * is timed from its own start: one that takes longer than `timeoutMs` fails alone, its worker
 * is stopped and replaced, and the renders waiting behind it go on. The thread does not keep
 * the process alive while it has nothing to do.
 */
export class PressKitRenderer {
  readonly #maxWaiting: number;
  readonly #timeoutMs: number;
  readonly #workerSpec: { url: URL; data?: unknown };
  #worker: Worker | null = null;
  /** Admitted jobs in arrival order, the one rendering included. */
  #jobs: Job[] = [];
  #current: Job | null = null;
  #nextId = 1;
  #averageMs = TYPICAL_RENDER_MS;

  constructor({
    maxWaiting = 4,
    timeoutMs = 60_000,
    worker = { url: DEFAULT_WORKER },
  }: PressKitRendererOptions = {}) {
    this.#maxWaiting = maxWaiting;
    this.#timeoutMs = timeoutMs;
    this.#workerSpec = worker;
  }

  /** Takes a place in the queue, or throws PressKitBusyError when none is left. */
  reserve(): RenderTicket {
    if (this.#jobs.length >= 1 + this.#maxWaiting) {
      const seconds = Math.ceil((this.#averageMs * this.#jobs.length) / 1000);
      throw new PressKitBusyError(Math.min(60, Math.max(1, seconds)));
    }
    let resolve: (result: RenderedPdf) => void = () => {};
    let reject: (error: Error) => void = () => {};
    const promise = new Promise<RenderedPdf>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const job: Job = {
      id: this.#nextId++,
      document: "press-kit",
      model: null,
      resolve,
      reject,
      promise,
    };
    this.#jobs.push(job);
    let spent = false;
    const start = (document: RenderDocument, model: RenderModel) => {
      if (spent) return Promise.reject(new Error("Render ticket already used"));
      spent = true;
      job.document = document;
      job.model = model;
      this.#pump();
      return promise;
    };
    return {
      render: (model) => start("press-kit", model),
      renderProgramme: (model) => start("programme", model),
      renderBadges: (model) => start("badges", model),
      renderCertificates: (model) => start("certificates", model),
      release: () => {
        if (spent) return;
        spent = true;
        this.#remove(job);
        this.#pump();
      },
    };
  }

  /** Reserves and renders at once. */
  render(model: PressKitModel): Promise<RenderedPdf> {
    return this.reserve().render(model);
  }

  /** Stops the worker; the render in progress and the waiting ones fail. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    const jobs = this.#jobs;
    this.#jobs = [];
    this.#current = null;
    for (const job of jobs) {
      clearTimeout(job.timer);
      job.reject(new Error("Press-kit renderer closed"));
    }
    await worker?.terminate();
  }

  /** Starts the first job whose model is ready, if nothing is rendering. */
  #pump() {
    if (this.#current) return;
    const job = this.#jobs.find((j) => j.model !== null);
    if (!job?.model) {
      this.#worker?.unref();
      return;
    }
    this.#current = job;
    const worker = this.#ensureWorker();
    worker.ref();
    job.timer = setTimeout(() => {
      // The stuck worker is stopped; the next render starts a new one.
      this.#worker = null;
      void worker.terminate();
      this.#finish(
        job,
        new PressKitTimeoutError(`Press-kit render timed out after ${this.#timeoutMs} ms`),
      );
    }, this.#timeoutMs);
    job.timer.unref();
    const request: RenderRequest = { id: job.id, document: job.document, model: job.model };
    worker.postMessage(request);
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#workerSpec.url, { workerData: this.#workerSpec.data });
    worker.on("message", (response: RenderResponse) => this.#settle(response));
    worker.on("error", (error) => this.#workerFailed(worker, error));
    worker.on("exit", (code) =>
      this.#workerFailed(worker, new Error(`Press-kit worker exited with code ${code}`)),
    );
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #settle(response: RenderResponse) {
    const job = this.#current;
    if (!job || job.id !== response.id) return;
    if (response.ok) {
      const pdf = Buffer.from(
        response.pdf.buffer,
        response.pdf.byteOffset,
        response.pdf.byteLength,
      );
      this.#averageMs = 0.7 * this.#averageMs + 0.3 * response.milliseconds;
      this.#finish(job, {
        pdf,
        pageCount: response.pageCount,
        milliseconds: response.milliseconds,
      });
    } else {
      this.#finish(job, new Error(response.message));
    }
  }

  /** The worker died under the current render: that render fails, the next gets a new worker. */
  #workerFailed(worker: Worker, error: Error) {
    if (this.#worker !== worker) return;
    this.#worker = null;
    void worker.terminate();
    if (this.#current) this.#finish(this.#current, error);
  }

  #finish(job: Job, outcome: RenderedPdf | Error) {
    clearTimeout(job.timer);
    this.#remove(job);
    if (this.#current === job) this.#current = null;
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
    this.#pump();
  }

  #remove(job: Job) {
    const index = this.#jobs.indexOf(job);
    if (index >= 0) this.#jobs.splice(index, 1);
  }
}
