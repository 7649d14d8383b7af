import { Worker } from "node:worker_threads";
import type { PressKitModel } from "@tribune/domain";
import type { RenderRequest, RenderResponse } from "./worker";

export interface RenderedPdf {
  pdf: Buffer;
  pageCount: number;
  milliseconds: number;
}

interface Pending {
  resolve(result: RenderedPdf): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const RENDER_TIMEOUT_MS = 60_000;

/**
 * Renders press kits off the request path, in one long-lived worker thread (fonts stay loaded
 * between renders), so the server keeps answering while react-pdf lays out pages. Requests
 * queue in the worker. A crashed or stuck worker is replaced on the next render. The thread
 * does not keep the process alive while it has nothing to do.
 */
export class PressKitRenderer {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #nextId = 1;

  render(model: PressKitModel): Promise<RenderedPdf> {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise<RenderedPdf>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#fail(new Error(`Press-kit render timed out after ${RENDER_TIMEOUT_MS} ms`));
      }, RENDER_TIMEOUT_MS);
      timer.unref();
      this.#pending.set(id, { resolve, reject, timer });
      worker.ref();
      const request: RenderRequest = { id, model };
      worker.postMessage(request);
    });
  }

  /** Stops the worker; pending renders fail. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#rejectAll(new Error("Press-kit renderer closed"));
    await worker?.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url));
    worker.on("message", (response: RenderResponse) => this.#settle(response));
    worker.on("error", (error) => this.#fail(error));
    worker.on("exit", (code) => {
      if (this.#worker === worker)
        this.#fail(new Error(`Press-kit worker exited with code ${code}`));
    });
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #settle(response: RenderResponse) {
    const pending = this.#pending.get(response.id);
    if (!pending) return;
    this.#pending.delete(response.id);
    clearTimeout(pending.timer);
    if (this.#pending.size === 0) this.#worker?.unref();
    if (response.ok) {
      const pdf = Buffer.from(
        response.pdf.buffer,
        response.pdf.byteOffset,
        response.pdf.byteLength,
      );
      pending.resolve({ pdf, pageCount: response.pageCount, milliseconds: response.milliseconds });
    } else {
      pending.reject(new Error(response.message));
    }
  }

  /** The worker is unusable: drop it, fail what it held. */
  #fail(error: Error) {
    const worker = this.#worker;
    this.#worker = null;
    this.#rejectAll(error);
    void worker?.terminate();
  }

  #rejectAll(error: Error) {
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.#pending.clear();
  }
}
