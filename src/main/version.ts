// KeyLab's version, as package.json states it (inlined at build time).
import pkg from '../../package.json'

export const VERSION: string = pkg.version
