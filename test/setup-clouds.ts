// Tests import library modules directly rather than the package entry, so they register the
// clouds the way the entry does (without it, NetworkRules refuses to run: NoCloudRegistered).
import '../lib/clouds';
