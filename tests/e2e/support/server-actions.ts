// Server actions as the build knows them (its server-reference manifest) and as the source declares
// them, and a call to one over HTTP as Next.js makes it: POST to a page whose bundle carries the
// action, `Next-Action: <id>`, the arguments encoded by React's own encodeReply.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { encodeReply } from '../../helpers/encode-reply';

type ManifestAction = { exportedName: string; filename: string; workers: Record<string, unknown> };

function actionManifest(): Record<string, ManifestAction> {
  return (
    JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, ManifestAction>;
    }
  ).node;
}

/** The ids Next.js gave the server actions in this build, by `file#exportedName`. */
export function actionIds(): Map<string, string> {
  return new Map(Object.entries(actionManifest()).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

/** A page whose bundle carries the action (Next.js answers 409 to an action posted to another page). */
export function actionPages(): Map<string, string> {
  return new Map(
    Object.values(actionManifest()).map((entry) => [
      `${entry.filename}#${entry.exportedName}`,
      Object.keys(entry.workers)[0]!.replace(/\/page$/, ''),
    ]),
  );
}

export type SourceAction = { key: string; dir: string; params: string[] };

/**
 * Every exported function of every 'use server' module under app/, lib/ and components/, with its
 * parameters as written (`name: Type`), keyed like the manifest (`file#name`).
 */
export function sourceActions(): SourceAction[] {
  const root = process.cwd();
  return ['app', 'lib', 'components'].flatMap((top) =>
    (fs.readdirSync(path.join(root, top), { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => path.join(top, file))
      .filter((file) => /^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(fs.readFileSync(path.join(root, file), 'utf8')))
      .flatMap((file) =>
        [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/export async function (\w+)\(([^)]*)\)/g)].map((m) => ({
          key: `${file}#${m[1]}`,
          dir: path.dirname(file),
          params: m[2]!
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        })),
      ),
  );
}

/**
 * Calls a server action over HTTP with these arguments (a FormData among them is sent as React sends
 * it: multipart, field "0" holding the arguments with a reference to the form, whose fields follow).
 */
export async function postAction(
  client: APIRequestContext,
  call: { page: string; id: string; args: unknown[]; origin: string },
): Promise<APIResponse> {
  const headers = { 'Next-Action': call.id, Origin: call.origin, Accept: 'text/x-component' };
  const encoded = await encodeReply(call.args);
  if (typeof encoded === 'string')
    return client.post(call.page, { headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' }, data: encoded, maxRedirects: 0 });
  return client.post(call.page, { headers, multipart: encoded, maxRedirects: 0 });
}

/** Where a server action sent the browser (its redirect), or '' when it answered in place. */
export function actionRedirect(response: APIResponse): string {
  return response.headers()['x-action-redirect'] ?? '';
}

/** A FormData with these fields (a value that is a list becomes repeated fields, as a form sends them). */
export function formData(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
}
