/// The settings `sshd -T` prints for an empty configuration on Debian 12 (OpenSSH 9.2p1), as lines
/// of `keyword value`.
///
/// Captured from `/usr/sbin/sshd -T -f /dev/null` on openssh-server 1:9.2p1-2+deb12u*. `hostkey` lists the
/// three default key paths sshd uses when no `HostKey` is given (paths on the scanned host, not on the
/// machine running capdo); `listenaddress` is computed from `port` and `addressfamily` by the parser.
enum SshdDefaults {
    static let values: [String: String] = {
        var table: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            table[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        table["hostkey"] = "/etc/ssh/ssh_host_rsa_key /etc/ssh/ssh_host_ecdsa_key /etc/ssh/ssh_host_ed25519_key"
        for (key, list) in algorithmLists { table[key] = list.joined(separator: ",") }
        return table
    }()

    /// Default algorithm lists, the base for `+`, `-` and `^` modifiers.
    static let algorithmLists: [String: [String]] = {
        let keys = [
            "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
            "sk-ssh-ed25519-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com", "ssh-ed25519",
            "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512", "rsa-sha2-256",
        ]
        return [
            "ciphers": [
                "chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com",
                "aes256-gcm@openssh.com",
            ],
            "macs": [
                "umac-64-etm@openssh.com", "umac-128-etm@openssh.com", "hmac-sha2-256-etm@openssh.com",
                "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com", "umac-64@openssh.com",
                "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1",
            ],
            "kexalgorithms": [
                "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com", "curve25519-sha256",
                "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
                "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512",
                "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256",
            ],
            "casignaturealgorithms": [
                "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512", "rsa-sha2-256",
            ],
            "gssapikexalgorithms": [
                "gss-group14-sha256-", "gss-group16-sha512-", "gss-nistp256-sha256-", "gss-curve25519-sha256-",
                "gss-group14-sha1-", "gss-gex-sha1-",
            ],
            "hostbasedacceptedalgorithms": keys,
            "hostkeyalgorithms": keys,
            "pubkeyacceptedalgorithms": keys,
        ]
    }()

    /// Scalar defaults, verbatim from `sshd -T` (the lists above and host keys are added separately).
    private static let text = """
        port 22
        addressfamily any
        usepam no
        logingracetime 120
        x11displayoffset 10
        maxauthtries 6
        maxsessions 10
        clientaliveinterval 0
        clientalivecountmax 3
        requiredrsasize 1024
        streamlocalbindmask 0177
        unusedconnectiontimeout none
        permitrootlogin without-password
        ignorerhosts yes
        ignoreuserknownhosts no
        hostbasedauthentication no
        hostbasedusesnamefrompacketonly no
        pubkeyauthentication yes
        kerberosauthentication no
        kerberosorlocalpasswd yes
        kerberosticketcleanup yes
        gssapiauthentication no
        gssapicleanupcredentials yes
        gssapikeyexchange no
        gssapistrictacceptorcheck yes
        gssapistorecredentialsonrekey no
        passwordauthentication yes
        kbdinteractiveauthentication yes
        printmotd yes
        printlastlog yes
        x11forwarding no
        x11uselocalhost yes
        permittty yes
        permituserrc yes
        strictmodes yes
        tcpkeepalive yes
        permitemptypasswords no
        compression yes
        gatewayports no
        usedns no
        allowtcpforwarding yes
        allowagentforwarding yes
        disableforwarding no
        allowstreamlocalforwarding yes
        streamlocalbindunlink no
        fingerprinthash SHA256
        exposeauthinfo no
        pidfile /run/sshd.pid
        modulifile /etc/ssh/moduli
        xauthlocation /usr/bin/xauth
        banner none
        forcecommand none
        chrootdirectory none
        trustedusercakeys none
        revokedkeys none
        securitykeyprovider internal
        authorizedprincipalsfile none
        versionaddendum none
        authorizedkeyscommand none
        authorizedkeyscommanduser none
        authorizedprincipalscommand none
        authorizedprincipalscommanduser none
        hostkeyagent none
        loglevel INFO
        syslogfacility AUTH
        authorizedkeysfile .ssh/authorized_keys .ssh/authorized_keys2
        authenticationmethods any
        maxstartups 10:30:100
        persourcemaxstartups none
        persourcenetblocksize 32:128
        permittunnel no
        ipqos lowdelay throughput
        rekeylimit 0 0
        permitopen any
        permitlisten any
        permituserenvironment no
        pubkeyauthoptions none
        """
}
