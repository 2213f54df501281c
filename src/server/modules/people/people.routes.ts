import type { FastifyInstance } from 'fastify';
import { registerGuardianRoutes } from './guardians.routes.js';
import { registerStaffRoutes } from './staff.routes.js';
import { registerStudentRoutes } from './students.routes.js';

/** Students, guardians (with their links to students) and staff: see README.md. */
export function registerPeopleRoutes(app: FastifyInstance): void {
  registerStudentRoutes(app);
  registerGuardianRoutes(app);
  registerStaffRoutes(app);
}
