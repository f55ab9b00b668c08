/// Builds one document's `YNode` tree from YAML events, as they come, with a stack of open lists and mappings.
///
/// It keeps what the Yams composer and converter it replaced gave, so callers see the same trees and messages:
/// an alias stands for its anchor's node (the latest definition before it) with that node's lines; a duplicate key
/// is an error when its mapping ends, listed in the composer's order (`YAMLKeyShape`); a key's text is a scalar's
/// string. The node budget counts nodes as the converter met them, aliases expanded and keys not counted, and only
/// records where it ran out: a syntax error later in the text is reported first, as before. Keys have a budget of
/// their own, as large: comparing keys for duplicates walks them, aliases expanded, so a key made of nested aliases
/// would otherwise take exponential time (the Yams composer hung on one).
struct YAMLTreeBuilder {
    /// A composing error: a duplicate key or an undefined alias, at a 1-based line.
    struct Problem: Error {
        var line: Int
        var text: String
    }

    /// The finished document; nil until its root node is done.
    private(set) var root: YNode?
    /// The line of the node at which the budget ran out, if it did.
    private(set) var exhaustedAt: Int?

    private var stack: [Frame] = []
    private var anchors: [String: Built] = [:]
    private var budgetLeft: Int
    /// Nodes keys may still hold, aliases expanded, over the whole document.
    private var keyBudgetLeft: Int

    init(nodeBudget: Int) {
        budgetLeft = nodeBudget
        keyBudgetLeft = nodeBudget
    }

    /// A scalar; `tag` is nil for an untagged one (a quoted one without a tag is `!!str`, as libyaml says).
    mutating func scalar(_ text: String, plain: Bool, tag: String?, anchor: String?, line: Int) {
        let isKey = childIsKey
        if childIsCounted { spend(1, line: line, subtree: nil) }
        let needsShape = isKey || anchor != nil || parentTracksShape
        let shape =
            needsShape
            ? YAMLKeyShape.scalar(text, tag: YAMLKeyShape.resolvedTag(tag, default: YAMLKeyShape.stringTag)) : nil
        // A plain key's value is never read: only its text and line.
        let node: YNode? =
            isKey && anchor == nil ? nil : .scalar(YAMLReader.scalarValue(text, plain: plain), line: line)
        finish(Built(node: node, line: line, weight: 1, shape: shape), anchor: anchor)
    }

    /// Opens a list (`mapping` false) or a mapping.
    mutating func start(mapping: Bool, tag: String?, anchor: String?, line: Int) {
        let counted = childIsCounted
        if counted { spend(1, line: line, subtree: nil) }
        let defaultTag = mapping ? YAMLKeyShape.mappingTag : YAMLKeyShape.sequenceTag
        stack.append(
            Frame(
                isMapping: mapping, line: line, anchor: anchor,
                tag: YAMLKeyShape.resolvedTag(tag, default: defaultTag),
                tracksShape: childIsKey || anchor != nil || parentTracksShape, counted: counted))
    }

    /// Closes the innermost list or mapping; a mapping with a key given twice is an error.
    mutating func end() throws(Problem) {
        guard let frame = stack.popLast() else { return }
        // Once a budget ran out the document is refused anyway; its keys may be too large to compare.
        if frame.isMapping && exhaustedAt == nil { try Self.checkDuplicates(frame.keys) }
        let node: YNode =
            frame.isMapping ? .mapping(frame.pairs, line: frame.line) : .sequence(frame.items, line: frame.line)
        var shape: YAMLKeyShape?
        if frame.tracksShape {
            shape = frame.isMapping ? .mapping(frame.shapes, tag: frame.tag) : .sequence(frame.shapes, tag: frame.tag)
        }
        finish(Built(node: node, line: frame.line, weight: frame.weight, shape: shape), anchor: frame.anchor)
    }

    /// An alias: the anchored node again, counted in full against the budget.
    mutating func alias(_ name: String, line: Int) throws(Problem) {
        guard let built = anchors[name] else { throw Problem(line: line, text: "found undefined alias") }
        if childIsCounted { spend(built.weight, line: built.line, subtree: built.node) }
        finish(built, anchor: nil)
    }

    /// An open list or mapping.
    private struct Frame {
        let isMapping: Bool
        let line: Int
        let anchor: String?
        let tag: String?
        /// Whether its shape is needed: it is a key, is anchored or lies inside one that is.
        let tracksShape: Bool
        /// Whether its nodes count against the budget: not inside a key.
        let counted: Bool
        var items: [YNode] = []
        var pairs: [(key: String, keyLine: Int, value: YNode)] = []
        var keys: [Key] = []
        var shapes: [YAMLKeyShape] = []
        /// Nodes in it, itself included, aliases expanded (saturating).
        var weight = 1
    }

    private struct Key {
        let shape: YAMLKeyShape
        let line: Int
    }

    /// A finished node: its tree (nil for a plain key), line, expanded node count and shape (when needed).
    private struct Built {
        var node: YNode?
        var line: Int
        var weight: Int
        var shape: YAMLKeyShape?
    }

    /// Whether the next node is a mapping's key.
    private var childIsKey: Bool {
        guard let top = stack.indices.last else { return false }
        return stack[top].isMapping && stack[top].keys.count == stack[top].pairs.count
    }

    private var childIsCounted: Bool {
        guard let top = stack.indices.last else { return true }
        return stack[top].counted && !childIsKey
    }

    private var parentTracksShape: Bool {
        guard let top = stack.indices.last else { return false }
        return stack[top].tracksShape
    }

    /// Hands a finished node to the open list or mapping (or makes it the root) and records its anchor.
    private mutating func finish(_ built: Built, anchor: String?) {
        if let anchor { anchors[anchor] = built }
        guard let top = stack.indices.last else {
            root = built.node
            return
        }
        // A key always has a shape and a value always has a node; the defaults are never used.
        if stack[top].tracksShape { stack[top].shapes.append(built.shape ?? .scalar("", tag: nil)) }
        if stack[top].isMapping {
            if stack[top].keys.count == stack[top].pairs.count {
                if built.weight > keyBudgetLeft {
                    if exhaustedAt == nil { exhaustedAt = built.line }
                } else {
                    keyBudgetLeft -= built.weight
                }
                stack[top].keys.append(Key(shape: built.shape ?? .scalar("", tag: nil), line: built.line))
                return
            }
            let key = stack[top].keys[stack[top].keys.count - 1]
            stack[top].pairs.append(
                (key: key.shape.text ?? "", keyLine: key.line, value: built.node ?? .scalar(.null, line: built.line)))
        } else {
            stack[top].items.append(built.node ?? .scalar(.null, line: built.line))
        }
        let (sum, overflow) = stack[top].weight.addingReportingOverflow(built.weight)
        stack[top].weight = overflow ? Int.max : sum
    }

    /// Counts `count` nodes against the budget; on running out, records the line of the node that found none left.
    private mutating func spend(_ count: Int, line: Int, subtree: YNode?) {
        guard exhaustedAt == nil else { return }
        guard count > budgetLeft else {
            budgetLeft -= count
            return
        }
        var skip = budgetLeft
        exhaustedAt = subtree.flatMap { Self.line(ofNode: &skip, in: $0) } ?? line
    }

    /// The line of the node `skip` nodes into `node` in document order, or nil if it has fewer.
    private static func line(ofNode skip: inout Int, in node: YNode) -> Int? {
        if skip == 0 { return node.line }
        skip -= 1
        switch node {
        case .scalar: return nil
        case .sequence(let items, _):
            for item in items {
                if let line = line(ofNode: &skip, in: item) { return line }
            }
        case .mapping(let pairs, _):
            for pair in pairs {
                if let line = line(ofNode: &skip, in: pair.value) { return line }
            }
        }
        return nil
    }

    /// Throws when two keys of one mapping are the same key.
    private static func checkDuplicates(_ keys: [Key]) throws(Problem) {
        guard keys.count > 1 else { return }
        var found = false
        if keys.count <= 16 {
            for index in 1..<keys.count where !found {
                found = keys[..<index].contains { $0.shape == keys[index].shape }
            }
        } else {
            var seen = Set<YAMLKeyShape>(minimumCapacity: keys.count)
            found = keys.contains { !seen.insert($0.shape).inserted }
        }
        guard found else { return }
        // Each key given more than once, by its first occurrence, in the composer's order; the line is the first's.
        var groups: [(key: Key, count: Int)] = []
        var group: [YAMLKeyShape: Int] = [:]
        for key in keys {
            if let index = group[key.shape] {
                groups[index].count += 1
            } else {
                group[key.shape] = groups.count
                groups.append((key, 1))
            }
        }
        let duplicates = groups.filter { $0.count > 1 }.map(\.key).sorted { YAMLKeyShape.precedes($0.shape, $1.shape) }
        throw Problem(
            line: duplicates[0].line,
            text: "duplicate keys: " + duplicates.map { $0.shape.text ?? "<uncovertable>" }.joined(separator: ", "))
    }
}
