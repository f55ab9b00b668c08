/// How sshd 9.2 reads one `sshd_config` keyword and how `sshd -T` prints it.
enum SshdKeyword: Sendable, Equatable {
    /// `yes` / `no`, case-insensitive.
    case flag
    /// One of a fixed set of words (lower-cased spelling → printed value).
    case choice([String: String])
    /// A non-negative decimal integer.
    case integer
    /// A time (`1m30s`), printed in seconds; `allowNone` also accepts `none`.
    case time(allowNone: Bool)
    /// The first argument, unquoted.
    case word
    /// The rest of the line, verbatim (`ForceCommand`, `VersionAddendum`).
    case rest
    /// Every argument of the first line, joined with a space (`AuthorizedKeysFile`, `SetEnv`).
    case firstLine
    /// Arguments of every line accumulate (`AllowUsers`, `AcceptEnv`, `HostKey`).
    case accumulate
    /// An algorithm list with sshd's `+`, `-` and `^` modifiers.
    case algorithms
    /// Keywords with their own syntax, handled by name in the parser.
    case special
    /// Accepted and ignored by sshd 9.2 (it logs a deprecation notice).
    case deprecated
    /// Another spelling of a keyword.
    case alias(String)

    /// `sshd_config` keywords of OpenSSH 9.2 (Debian build), lower-cased.
    static let table: [String: SshdKeyword] = {
        var table: [String: SshdKeyword] = [:]
        let flags = [
            "usepam", "ignoreuserknownhosts", "hostbasedauthentication", "hostbasedusesnamefrompacketonly",
            "pubkeyauthentication", "kerberosauthentication", "kerberosorlocalpasswd", "kerberosticketcleanup",
            "gssapiauthentication", "gssapicleanupcredentials", "gssapikeyexchange", "gssapistrictacceptorcheck",
            "gssapistorecredentialsonrekey", "passwordauthentication", "kbdinteractiveauthentication", "printmotd",
            "printlastlog", "x11forwarding", "x11uselocalhost", "permittty", "permituserrc", "strictmodes",
            "tcpkeepalive", "permitemptypasswords", "usedns", "allowagentforwarding", "disableforwarding",
            "streamlocalbindunlink", "exposeauthinfo",
        ]
        for key in flags { table[key] = .flag }
        for key in [
            "x11displayoffset", "maxauthtries", "maxsessions", "clientalivecountmax", "requiredrsasize",
        ] {
            table[key] = .integer
        }
        table["logingracetime"] = .time(allowNone: false)
        table["clientaliveinterval"] = .time(allowNone: false)
        table["unusedconnectiontimeout"] = .time(allowNone: true)
        for key in [
            "pidfile", "modulifile", "xauthlocation", "banner", "chrootdirectory", "trustedusercakeys", "revokedkeys",
            "securitykeyprovider", "authorizedprincipalsfile", "authorizedkeyscommanduser",
            "authorizedprincipalscommanduser", "hostkeyagent",
        ] {
            table[key] = .word
        }
        for key in ["forcecommand", "versionaddendum", "authorizedkeyscommand", "authorizedprincipalscommand"] {
            table[key] = .rest
        }
        for key in [
            "authorizedkeysfile", "authenticationmethods", "setenv", "channeltimeout", "logverbose",
            "permitopen",
        ] {
            table[key] = .firstLine
        }
        for key in ["allowusers", "denyusers", "allowgroups", "denygroups", "acceptenv", "hostkey", "hostcertificate"] {
            table[key] = .accumulate
        }
        for key in SshdDefaults.algorithmLists.keys { table[key] = .algorithms }
        for key in [
            "port", "listenaddress", "subsystem", "maxstartups", "persourcemaxstartups", "persourcenetblocksize",
            "rekeylimit", "ipqos", "streamlocalbindmask", "permitlisten", "pubkeyauthoptions", "include", "match",
            "permituserenvironment", "debianbanner",
        ] {
            table[key] = .special
        }
        let forwarding = ["yes": "yes", "all": "yes", "no": "no", "local": "local", "remote": "remote"]
        table["allowtcpforwarding"] = .choice(forwarding)
        table["allowstreamlocalforwarding"] = .choice(forwarding)
        table["permitrootlogin"] = .choice([
            "yes": "yes", "no": "no", "without-password": "without-password",
            "prohibit-password": "without-password", "forced-commands-only": "forced-commands-only",
        ])
        table["compression"] = .choice(["yes": "yes", "delayed": "yes", "no": "no"])
        table["addressfamily"] = .choice(["any": "any", "inet": "inet", "inet6": "inet6"])
        table["gatewayports"] = .choice(["yes": "yes", "no": "no", "clientspecified": "clientspecified"])
        table["permittunnel"] = .choice([
            "yes": "yes", "no": "no", "point-to-point": "point-to-point", "ethernet": "ethernet",
        ])
        table["ignorerhosts"] = .choice(["yes": "yes", "no": "no", "shosts-only": "shosts-only"])
        table["fingerprinthash"] = .choice(["md5": "MD5", "sha256": "SHA256"])
        table["loglevel"] = .choice([
            "quiet": "SILENT", "fatal": "FATAL", "error": "ERROR", "info": "INFO", "verbose": "VERBOSE",
            "debug": "DEBUG", "debug1": "DEBUG", "debug2": "DEBUG2", "debug3": "DEBUG3",
        ])
        var facilities = ["daemon": "DAEMON", "user": "USER", "auth": "AUTH", "authpriv": "AUTHPRIV"]
        for number in 0...7 { facilities["local\(number)"] = "LOCAL\(number)" }
        table["syslogfacility"] = .choice(facilities)
        table["challengeresponseauthentication"] = .alias("kbdinteractiveauthentication")
        table["skeyauthentication"] = .alias("kbdinteractiveauthentication")
        table["dsaauthentication"] = .alias("pubkeyauthentication")
        table["hostbasedacceptedkeytypes"] = .alias("hostbasedacceptedalgorithms")
        table["pubkeyacceptedkeytypes"] = .alias("pubkeyacceptedalgorithms")
        table["gssapicleanupcreds"] = .alias("gssapicleanupcredentials")
        for key in [
            "protocol", "useprivilegeseparation", "rhostsauthentication", "rhostsrsaauthentication",
            "rsaauthentication", "serverkeybits", "keyregenerationinterval", "uselogin", "pamauthenticationviakbdint",
            "verifyreversemapping", "reversemappingcheck", "checkmail", "hostdsakey", "kerberostgtpassing",
            "afstokenpassing", "kerberosgetafstoken", "permitblacklistedkeys", "gssusesessionccache",
            "gssapiusesessioncredcache", "authorizedkeysfile2",
        ] {
            table[key] = .deprecated
        }
        return table
    }()

    /// Keywords sshd accepts inside a `Match` block (sshd_config(5), OpenSSH 9.2).
    static let allowedInMatch: Set<String> = [
        "acceptenv", "allowagentforwarding", "allowgroups", "allowstreamlocalforwarding", "allowtcpforwarding",
        "allowusers", "authenticationmethods", "authorizedkeyscommand", "authorizedkeyscommanduser",
        "authorizedkeysfile", "authorizedprincipalscommand", "authorizedprincipalscommanduser",
        "authorizedprincipalsfile", "banner", "casignaturealgorithms", "channeltimeout", "chrootdirectory",
        "clientalivecountmax", "clientaliveinterval", "denygroups", "denyusers", "disableforwarding",
        "exposeauthinfo", "forcecommand", "gatewayports", "gssapiauthentication", "hostbasedacceptedalgorithms",
        "hostbasedauthentication", "hostbasedusesnamefrompacketonly", "ignorerhosts", "include", "ipqos",
        "kbdinteractiveauthentication", "kerberosauthentication", "loglevel", "logverbose", "maxauthtries",
        "maxsessions", "passwordauthentication", "permitemptypasswords", "permitlisten", "permitopen",
        "permitrootlogin", "permittty", "permittunnel", "permituserrc", "pubkeyacceptedalgorithms",
        "pubkeyauthentication", "pubkeyauthoptions", "rekeylimit", "revokedkeys", "rdomain", "setenv",
        "streamlocalbindmask", "streamlocalbindunlink", "trustedusercakeys", "unusedconnectiontimeout",
        "x11displayoffset", "x11forwarding", "x11uselocalhost",
    ]

    /// Keys `sshd -T` prints only when a file sets them.
    static let printedOnlyWhenSet: Set<String> = [
        "allowusers", "denyusers", "allowgroups", "denygroups", "acceptenv", "setenv", "subsystem",
        "hostcertificate", "logverbose", "channeltimeout",
    ]
}
