// The runner starts jobs under bash with POSIX process groups, and the tests read /proc: Linux
// (and, but for /proc, macOS) only.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
