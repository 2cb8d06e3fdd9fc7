import { proxyToApi } from '../../../lib/server/proxy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export { proxyToApi as GET, proxyToApi as POST, proxyToApi as PUT, proxyToApi as PATCH, proxyToApi as DELETE, proxyToApi as OPTIONS };
