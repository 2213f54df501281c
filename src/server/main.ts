import { buildApp } from './app.js';
import { ConfigError, loadConfig, primaryRoot, publicOrigin, type Config } from './config.js';
import {
  DEMO_ACCOUNTS,
  DEMO_OPERATOR_EMAIL,
  DEMO_OPERATOR_TOTP_SECRET,
  DEMO_PASSWORD,
  DEMO_SCHOOLS,
  demoEmail,
  seedDemoData,
} from './modules/schools/demo-seed.js';
import { createRedisClients } from './platform/cache/redis.js';
import { DataDirLockedError } from './platform/db/embedded.js';
import { openDatabase } from './platform/db/open-database.js';

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

function printUrls(config: Config, seeded: boolean): void {
  const root = primaryRoot(config);
  const lines = [
    '',
    'Schoolhouse is running.',
    `  Marketing site     ${publicOrigin(config, root)}`,
    `  Operator console   ${publicOrigin(config, `${config.hosts.platformSubdomain}.${root}`)}`,
  ];
  if (config.demoData) {
    lines.push('  Demo schools:');
    for (const demo of DEMO_SCHOOLS) {
      const note = demo.status === 'suspended' ? ' (suspended)' : '';
      lines.push(
        `    ${demo.name.padEnd(20)} ${publicOrigin(config, `${demo.slug}.${root}`)}${note}`,
      );
    }
    if (seeded) lines.push('  (demo schools created in this start-up)');
    const example = DEMO_SCHOOLS[0]?.slug ?? 'greenwood';
    lines.push(
      `  Demo sign-in (password "${DEMO_PASSWORD}" for every account):`,
      `    operator           ${DEMO_OPERATOR_EMAIL} at ${publicOrigin(config, `${config.hosts.platformSubdomain}.${root}`)}`,
      `                       two-factor secret ${DEMO_OPERATOR_TOTP_SECRET} (or run: npm run demo:totp)`,
      ...DEMO_ACCOUNTS.map(
        (a) =>
          `    ${a.roles.join(', ').padEnd(18)} ${demoEmail(a.local, example)}  (same pattern for each school: <role>@<slug>.demo)`,
      ),
    );
  }
  lines.push(`  Health             ${publicOrigin(config, root)}/healthz`, '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  let db;
  try {
    db = await openDatabase(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const redis = config.redisUrl
    ? createRedisClients(config.redisUrl, config.redisKeyPrefix, () => undefined)
    : null;
  const seeded = config.demoData ? await seedDemoData(db) : false;
  const app = await buildApp({ config, db, redis });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown grace period over; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    // Keep-alive sockets that were busy when closing began go idle later; close them as they do
    // so in-flight requests finish and nothing else holds the process open.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    sweep.unref();
    app
      .close()
      .then(async () => {
        await redis?.close();
        await db.close();
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.bindHost });
  printUrls(config, seeded);
}

main().catch((error: unknown) => {
  process.stderr.write(`Schoolhouse failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
