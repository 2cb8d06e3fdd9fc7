import base from '@switchyard/eslint-config';
import reactHooks from 'eslint-plugin-react-hooks';

export default [...base, { ignores: ['next-env.d.ts'] }, reactHooks.configs.flat.recommended];
