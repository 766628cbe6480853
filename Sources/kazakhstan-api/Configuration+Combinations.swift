extension Configuration {
    /// Options that are each valid but together would be silently ignored: stop at start-up instead (exit 2).
    func checkCombinations() throws(ConfigurationError) {
        guard !api.forwardedHosts.isEmpty else { return }
        if api.publicURL != nil {
            throw ConfigurationError(
                message:
                    "--forwarded-hosts (FORWARDED_HOSTS) has no effect with --public-url (PUBLIC_URL), which fixes every link: give one or the other"
            )
        }
        if server.trustedProxies.isEmpty && !server.trustUnixSocketPeers {
            throw ConfigurationError(
                message:
                    "--forwarded-hosts (FORWARDED_HOSTS) needs --trusted-proxies (TRUSTED_PROXIES): forwarded hosts are only read from trusted proxies"
            )
        }
    }
}
