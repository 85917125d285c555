export function e2eDatabaseUrl(name: string): string;
export function freshDatabase(name: string): Promise<void>;
