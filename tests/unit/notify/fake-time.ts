// Virtual time for send tests: sleeps resolve in wake-up order, and the clock jumps to each wake-up,
// so minutes of rate-limit queueing run in milliseconds.
import type { HttpClient, HttpRequest, HttpResponse } from '../../../lib/http';

export class FakeClock {
	private current: number;
	private readonly timers: Array<{ at: number; seq: number; wake: () => void }> = [];
	private seq = 0;
	private scheduled = false;
	readonly sleeps: number[] = [];

	constructor(startMs = Date.parse('2026-03-02T10:00:00+08:00')) {
		this.current = startMs;
	}

	now = (): number => this.current;

	sleep = (ms: number): Promise<void> => {
		this.sleeps.push(ms);
		return new Promise((wake) => {
			this.timers.push({ at: this.current + Math.max(0, ms), seq: this.seq++, wake });
			this.schedule();
		});
	};

	advance(ms: number): void {
		this.current += ms;
	}

	// Runs after every pending promise callback, i.e. when all tasks are asleep or done.
	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		setImmediate(() => {
			this.scheduled = false;
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const next = this.timers.shift();
			if (!next) return;
			this.current = Math.max(this.current, next.at);
			next.wake();
			if (this.timers.length > 0) this.schedule();
		});
	}
}

/** An in-memory robot endpoint: answers each request through `answer`, recording what it was sent. */
export function fakeHttp(answer: (req: HttpRequest) => HttpResponse | Promise<HttpResponse>): HttpClient & { requests: HttpRequest[] } {
	const requests: HttpRequest[] = [];
	const client = async (req: HttpRequest) => {
		requests.push(req);
		return answer(req);
	};
	return Object.assign(client, { requests });
}

export function json(body: unknown, status = 200): HttpResponse {
	return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
