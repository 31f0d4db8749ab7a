import Foundation
import GongwenText
import GWICU
let path = CommandLine.arguments[1]
do {
  let bytes = try SourceDecoder.read(path: path)
  let d = try SourceDecoder.decode(bytes, source: path, isHTML: path.hasSuffix(".html"))
  print(d.encoding, d.text.prefix(300), d.boilerplate, d.pageMeta)
} catch { print(error) }
