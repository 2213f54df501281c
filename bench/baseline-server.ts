// The physical baseline the load benchmark compares Schoolhouse with: a bare node:http server
// on the same machine that answers a hello-world, or the same single-row primary-key query
// through pg that a tenant lookup makes. Started as a child process by bench/load.ts.
import http from 'node:http';
import pg from 'pg';

const port = Number(process.env.PORT ?? 0);
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_MAX ?? 20),
});

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (url === '/hello') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello');
    return;
  }
  if (url.startsWith('/row/')) {
    const id = url.slice(5);
    pool
      .query('select id, slug, name, locale, timezone from schools where id = $1', [id])
      .then((result) => {
        const row = result.rows[0];
        res.writeHead(row ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(row ?? { error: 'not found' }));
      })
      .catch(() => {
        res.writeHead(500);
        res.end();
      });
    return;
  }
  res.writeHead(404);
  res.end();
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `LISTENING ${typeof address === 'object' && address ? address.port : port}\n`,
  );
});

process.on('SIGTERM', () => {
  server.close();
  void pool.end();
});
