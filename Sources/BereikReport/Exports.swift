@_exported import BereikPublish
