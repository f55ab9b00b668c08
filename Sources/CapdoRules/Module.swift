import CapdoCore
