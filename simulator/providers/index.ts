import { attestrProvider } from './attestr/index.js';
import { biometricProvider } from './biometric/index.js';
import { yotiProvider } from './yoti/index.js';

/** Every provider the simulator serves; each mounts at its own prefix. Adding one is one line here. */
export const providers = [yotiProvider, attestrProvider, biometricProvider] as const;
