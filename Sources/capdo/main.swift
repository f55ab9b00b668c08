import CapdoCore

print("capdo \(CapdoVersion.string)")
