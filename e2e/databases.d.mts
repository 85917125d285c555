export function e2eDatabaseUrl(name: string): string;
export function freshDatabase(name: string): Promise<void>;
export function e2eDatabaseEnv(name: string): { DATABASE_URL: string; BELLHOP_SECRET?: string };
