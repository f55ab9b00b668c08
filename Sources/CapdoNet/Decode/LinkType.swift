/// The link layers capdo decodes (libpcap DLT values).
enum LinkType: Int32 {
    case null = 0
    case ethernet = 1
    case raw = 12
    case raw14 = 14
    case loop = 108
    case linuxSLL = 113
    case ipv4 = 228
    case ipv6 = 229
    case linuxSLL2 = 276
}
