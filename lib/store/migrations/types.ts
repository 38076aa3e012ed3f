/** One schema step. Versions only grow; a released migration is never edited, a new one is added. */
export interface Migration {
	version: number;
	name: string;
	sql: { sqlite: string; postgres: string };
}
