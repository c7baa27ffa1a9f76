// The runner starts processors under bash with POSIX process groups (Sdc.Local.Batch): Linux and macOS.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
