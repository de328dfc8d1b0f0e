import { attestrProvider } from './attestr/index.js';
import { biometricProvider } from './biometric/index.js';
import type { ProviderDefinition } from './provider.js';
import { yotiProvider } from './yoti/index.js';

/** Every provider the simulator serves; each mounts at its own prefix. */
export const providers: readonly ProviderDefinition[] = [yotiProvider, attestrProvider, biometricProvider];
