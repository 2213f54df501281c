// `npm run operator:create -- --email ops@example.com --name "Ops Person" [--password ...]`
// Creates (or resets) a platform operator. Without --password one is generated and printed.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.js';
import { createOperator } from '../src/server/modules/operators/operators.service.js';
import { openDatabase } from '../src/server/platform/db/open-database.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
  },
});
if (!values.email) {
  process.stderr.write(
    'Usage: npm run operator:create -- --email <email> [--name <name>] [--password <password>]\n',
  );
  process.exit(2);
}
const password = values.password ?? randomBytes(18).toString('base64url');
const db = await openDatabase(loadConfig());
try {
  const operator = await createOperator(db, {
    email: values.email,
    name: values.name ?? values.email,
    password,
  });
  process.stdout.write(`Operator ${operator.email} is ready (id ${operator.id}).\n`);
  if (!values.password) process.stdout.write(`Generated password: ${password}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
