/// Names of the ports that matter to the level-2 network rules (as nmap's services file names them).
enum WellKnownPorts {
    static func name(_ port: Int, transport: String) -> String? {
        if transport == "udp" {
            switch port {
            case 53: return "domain"
            case 67: return "dhcps"
            case 69: return "tftp"
            case 123: return "ntp"
            case 137: return "netbios-ns"
            case 161: return "snmp"
            case 500: return "isakmp"
            case 514: return "syslog"
            case 1194: return "openvpn"
            case 1900: return "upnp"
            case 5353: return "mdns"
            case 5355: return "llmnr"
            default: return nil
            }
        }
        switch port {
        case 20: return "ftp-data"
        case 21: return "ftp"
        case 22: return "ssh"
        case 23: return "telnet"
        case 25: return "smtp"
        case 53: return "domain"
        case 80: return "http"
        case 110: return "pop3"
        case 135: return "msrpc"
        case 139: return "netbios-ssn"
        case 143: return "imap"
        case 389: return "ldap"
        case 443: return "https"
        case 445: return "microsoft-ds"
        case 465: return "smtps"
        case 514: return "shell"
        case 587: return "submission"
        case 636: return "ldaps"
        case 993: return "imaps"
        case 995: return "pop3s"
        case 1433: return "ms-sql-s"
        case 1521: return "oracle"
        case 2049: return "nfs"
        case 3306: return "mysql"
        case 3389: return "ms-wbt-server"
        case 5432: return "postgresql"
        case 5900: return "vnc"
        case 5985: return "wsman"
        case 8080: return "http-proxy"
        case 8291: return "winbox"
        case 8443: return "https-alt"
        case 27017: return "mongod"
        default: return nil
        }
    }
}
