/** A CSV file as a download: never cached, never sniffed as something else. */
export function csvDownload(csv: { filename: string; body: BodyInit }): Response {
  return new Response(csv.body, {
    status: 200,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csv.filename}"`,
      'x-content-type-options': 'nosniff',
    },
  });
}
