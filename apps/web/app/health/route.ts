import { proxyToApi } from '../../lib/server/proxy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export { proxyToApi as GET };
