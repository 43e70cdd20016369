// React's own encoder of server action arguments, the one the browser uses: tests that call a server
// action over HTTP send what React would send, not a hand-made imitation of its format. Loaded from
// Next.js' compiled copy (the React the app runs with); the path is a variable so TypeScript does not
// look for declarations of a file that ships none.
type Encode = (value: unknown) => Promise<string | FormData>;

const client = 'next/dist/compiled/react-server-dom-webpack/client.node.js';
let loaded: Promise<Encode> | undefined;

/**
 * The body of a server action call with these arguments: a string (sent as text/plain), or a FormData
 * (sent as multipart) when an argument is a FormData or a Blob.
 */
export async function encodeReply(value: unknown): Promise<string | FormData> {
  loaded ??= (import(client) as Promise<{ encodeReply: Encode }>).then((module) => module.encodeReply);
  return (await loaded)(value);
}
