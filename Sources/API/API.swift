import Server
// Placeholder: the router and /healthz come with the engine issue.
public enum APIPlaceholder {}
