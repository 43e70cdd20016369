export function serverBundlePath(root: string): string;
