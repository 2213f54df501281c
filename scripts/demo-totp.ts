// Prints the demo operator's current two-factor code (demo data only).
import { Secret, TOTP } from 'otpauth';
import { DEMO_OPERATOR_TOTP_SECRET } from '../src/server/modules/schools/demo-seed.js';

const totp = new TOTP({
  secret: Secret.fromBase32(DEMO_OPERATOR_TOTP_SECRET),
  digits: 6,
  period: 30,
});
const left = 30 - (Math.floor(Date.now() / 1000) % 30);
process.stdout.write(`${totp.generate()}  (valid for ${left} more seconds)\n`);
