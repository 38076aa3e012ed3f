// Everything the pack pushed to a platform (stock, shipments, refunds, bot messages), in arrival order.

export interface RecordedWrite {
	seq: number;
	provider: string;
	/** e.g. "stock", "shipment", "refund", "subscription", "message". */
	kind: string;
	/** Sandbox clock time of the call (epoch ms). */
	at: number;
	shopId?: string;
	data: Record<string, unknown>;
}

export class WriteRecorder {
	private entries: RecordedWrite[] = [];

	record(entry: Omit<RecordedWrite, 'seq'>): RecordedWrite {
		const stored = { ...entry, seq: this.entries.length + 1 };
		this.entries.push(stored);
		return stored;
	}

	list(filter: { provider?: string; kind?: string } = {}): RecordedWrite[] {
		return this.entries.filter(
			(entry) => (!filter.provider || entry.provider === filter.provider) && (!filter.kind || entry.kind === filter.kind),
		);
	}

	clear(): void {
		this.entries = [];
	}
}
