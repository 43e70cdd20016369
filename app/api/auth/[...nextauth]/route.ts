import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { refusedCallbackUrl } from '@/lib/auth/callback-url';
import { authOptions } from '@/lib/auth/options';
import { httpStatus } from '@/lib/errors/http';
import { jsonBodyProblem } from '@/lib/http/json-body';

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  // next-auth answers a broken JSON body and a return address it refuses with a 500.
  const problem = await jsonBodyProblem(request);
  if (problem) return NextResponse.json({ error: problem.error }, { status: httpStatus[problem.code] });
  if (refusedCallbackUrl(request) !== null)
    return NextResponse.json({ error: 'callbackUrl must be a path or an http(s) address' }, { status: 400 });
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
