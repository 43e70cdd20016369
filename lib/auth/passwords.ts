import bcrypt from 'bcryptjs';

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

let decoy: string | undefined;

export async function passwordMatches(password: string, hash: string | null | undefined): Promise<boolean> {
  // Without a hash, still spend the same time, so timing does not reveal which emails exist.
  decoy ??= await bcrypt.hash('decoy-password', COST);
  const matches = await bcrypt.compare(password, hash ?? decoy);
  return Boolean(hash) && matches;
}
