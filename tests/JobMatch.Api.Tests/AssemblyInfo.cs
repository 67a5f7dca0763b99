// The embedded database launcher and these tests rely on Linux (/proc, setpriv, Unix file modes).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
