import { describe, expect, it } from 'vitest';
import { manageTokenFor, manageTokenHash, registrationIdFromManageToken } from '@/lib/registration/manage-token';

const id = '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f';

describe('manage links', () => {
  it('lead back to their registration', () => {
    expect(registrationIdFromManageToken(manageTokenFor(id))).toBe(id);
  });

  it('refuse a token whose signature was changed or moved to another registration', () => {
    const token = manageTokenFor(id);
    const [, signature] = token.split('.');
    expect(registrationIdFromManageToken(`${id}.${signature!.slice(0, -1)}A`)).toBeNull();
    expect(registrationIdFromManageToken(`7f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f.${signature}`)).toBeNull();
    expect(registrationIdFromManageToken('garbage')).toBeNull();
    expect(registrationIdFromManageToken(`${token}.extra`)).toBeNull();
  });

  it('are stored only as a hash', () => {
    const token = manageTokenFor(id);
    expect(manageTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(manageTokenHash(token)).not.toContain(token);
  });
});
