import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { jsonBodyProblem } from '@/lib/http/json-body';

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  // next-auth parses a JSON body itself and answers a broken one with a 500.
  const problem = await jsonBodyProblem(request);
  if (problem) return NextResponse.json({ error: problem.error }, { status: problem.status });
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
