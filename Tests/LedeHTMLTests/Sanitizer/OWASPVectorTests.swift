import Foundation
import Testing

@testable import LedeHTML

/// Vectors from the OWASP XSS Filter Evasion Cheat Sheet (written out here), and a few newer
/// ones. Whatever the sanitizer keeps, nothing in its output may run code, load a document,
/// style the page from outside or submit a form.
@Suite struct OWASPVectorTests {
    static let vectors: [String] = [
        #"<SCRIPT SRC=https://cdn.example/xss.js></SCRIPT>"#,
        #"javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+alert(1)//'>"#,
        #"<IMG SRC="javascript:alert('XSS');">"#,
        #"<IMG SRC=javascript:alert('XSS')>"#,
        #"<IMG SRC=JaVaScRiPt:alert('XSS')>"#,
        #"<IMG SRC=javascript:alert(&quot;XSS&quot;)>"#,
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        #"<a onmouseover="alert(document.cookie)">xxs link</a>"#,
        #"<a onmouseover=alert(document.cookie)>xxs link</a>"#,
        #"<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\>"#,
        #"<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>"#,
        #"<IMG SRC=# onmouseover="alert('xxs')">"#,
        #"<IMG SRC= onmouseover="alert('xxs')">"#,
        #"<IMG onmouseover="alert('xxs')">"#,
        #"<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>"#,
        #"<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">"#,
        #"<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>"#,
        #"<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>"#,
        #"<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>"#,
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        #"<IMG SRC="jav&#x09;ascript:alert('XSS');">"#,
        #"<IMG SRC="jav&#x0A;ascript:alert('XSS');">"#,
        #"<IMG SRC="jav&#x0D;ascript:alert('XSS');">"#,
        #"<IMG SRC=" &#14;  javascript:alert('XSS');">"#,
        "<IMG SRC=\"java\u{0}script:alert('XSS');\">",
        "<IMG SRC=\"\u{1}javascript:alert('XSS');\">",
        #"<a href="&#x6A;avascript&colon;alert(1)">x</a>"#,
        #"<a href=" javascript:alert(1)">x</a>"#,
        #"<SCRIPT/XSS SRC="http://xss.example/xss.js"></SCRIPT>"#,
        #"<BODY onload!#$%&()*~+-_.,:;?@[/|\]^`=alert("XSS")>"#,
        #"<SCRIPT/SRC="http://xss.example/xss.js"></SCRIPT>"#,
        #"<<SCRIPT>alert("XSS");//\<</SCRIPT>"#,
        #"<SCRIPT SRC=http://xss.example/xss.js?< B >"#,
        #"<SCRIPT SRC=//xss.example/.j>"#,
        #"<IMG SRC="`<javascript:alert>`('XSS')""#,
        #"<iframe src=http://xss.example/scriptlet.html <"#,
        #"</TITLE><SCRIPT>alert("XSS");</SCRIPT>"#,
        #"<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">"#,
        #"<BODY BACKGROUND="javascript:alert('XSS')">"#,
        #"<IMG DYNSRC="javascript:alert('XSS')">"#,
        #"<IMG LOWSRC="javascript:alert('XSS')">"#,
        #"<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>"#,
        #"<IMG SRC='vbscript:msgbox("XSS")'>"#,
        #"<IMG SRC="livescript:[code]">"#,
        #"<svg/onload=alert('XSS')>"#,
        #"<BODY ONLOAD=alert('XSS')>"#,
        #"<BGSOUND SRC="javascript:alert('XSS');">"#,
        #"<BR SIZE="&{alert('XSS')}">"#,
        #"<LINK REL="stylesheet" HREF="javascript:alert('XSS');">"#,
        #"<LINK REL="stylesheet" HREF="http://xss.example/xss.css">"#,
        #"<STYLE>@import'http://xss.example/xss.css';</STYLE>"#,
        #"<META HTTP-EQUIV="Link" Content="<http://xss.example/xss.css>; REL=stylesheet">"#,
        #"<STYLE>BODY{-moz-binding:url("http://xss.example/xssmoz.xml#xss")}</STYLE>"#,
        #"<STYLE>@im\port'\ja\vasc\ript:alert("XSS")';</STYLE>"#,
        #"<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">"#,
        #"exp/*<A STYLE='no\xss:noxss("*//*");xss:ex/*XSS*//*/*/pression(alert("XSS"))'>"#,
        #"<STYLE TYPE="text/javascript">alert('XSS');</STYLE>"#,
        #"<STYLE>.XSS{background-image:url("javascript:alert('XSS')");}</STYLE><A CLASS=XSS></A>"#,
        #"<STYLE type="text/css">BODY{background:url("javascript:alert('XSS')")}</STYLE>"#,
        #"<XSS STYLE="xss:expression(alert('XSS'))">"#,
        #"<XSS STYLE="behavior: url(xss.htc);">"#,
        #"<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">"#,
        #"<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">"#,
        #"<IFRAME SRC="javascript:alert('XSS');"></IFRAME>"#,
        #"<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>"#,
        #"<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>"#,
        #"<TABLE BACKGROUND="javascript:alert('XSS')">"#,
        #"<TABLE><TD BACKGROUND="javascript:alert('XSS')">"#,
        #"<DIV STYLE="background-image: url(javascript:alert('XSS'))">"#,
        #"<DIV STYLE="background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\006c\0065\0072\0074\0028.1027\0058.1053\0053\0027\0029'\0029">"#,
        #"<DIV STYLE="background-image: url(&#1;javascript:alert('XSS'))">"#,
        #"<DIV STYLE="width: expression(alert('XSS'));">"#,
        #"<BASE HREF="javascript:alert('XSS');//">"#,
        #"<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.example/scriptlet.html"></OBJECT>"#,
        #"<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH" type="image/svg+xml" AllowScriptAccess="always"></EMBED>"#,
        #"<SCRIPT a=">" SRC="httx://xss.example/xss.js"></SCRIPT>"#,
        #"<SCRIPT =">" SRC="httx://xss.example/xss.js"></SCRIPT>"#,
        #"<SCRIPT a=">" '' SRC="httx://xss.example/xss.js"></SCRIPT>"#,
        #"<SCRIPT "a='>'" SRC="httx://xss.example/xss.js"></SCRIPT>"#,
        "<SCRIPT a=`>` SRC=\"httx://xss.example/xss.js\"></SCRIPT>",
        #"<SCRIPT a=">'>" SRC="httx://xss.example/xss.js"></SCRIPT>"#,
        #"<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="httx://xss.example/xss.js"></SCRIPT>"#,
        #"<A HREF="javascript:document.location='http://www.example.com/'">XSS</A>"#,
        #"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>"#,
        #"<math><mi xlink:href="javascript:alert(1)">x</mi></math>"#,
        #"<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>"#,
        #"<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">x</button></form>"#,
        #"<details open ontoggle=alert(1)>"#,
        #"<noscript><p title="</noscript><img src=x onerror=alert(1)>">"#,
        #"<style><img src=x onerror=alert(1)></style>"#,
        #"<!--<img src=x onerror=alert(1)>-->"#,
        #"<![CDATA[<img src=x onerror=alert(1)>]]>"#,
        #"<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->"#,
        #"<a href="java&#0000009;script:alert(1)">x</a>"#,
        #"<a href="javascript&#58alert(1)">x</a>"#,
        #"<img src="x" onerror\u0020="alert(1)">"#,
        #"<video><source onerror="alert(1)"></video>"#,
        ##"<a href="#" style="position:fixed;top:0;left:0;width:100%;height:100%">cover</a>"##,
        #"<textarea><script>alert(1)</script></textarea>"#,
        #"<xmp><script>alert(1)</script></xmp>"#,
        #"<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</p>"#,
    ]

    /// Markup that may never appear in sanitized output, in any case. (Text cannot hold a `<`:
    /// the sanitizer escapes it, so these can only be real markup.)
    static let forbidden = [
        "<script", "<iframe", "<frame", "<object", "<embed", "<applet", "<style", "<link", "<meta", "<base", "<form",
        "<input", "<button", "<svg", "<math", "<bgsound", "<xss", "<!--", "<![", "<noscript", "<textarea", "<xmp",
    ]

    @Test(arguments: vectors)
    func neutralises(_ vector: String) throws {
        let output = HTMLSanitizer().sanitize(vector, baseURL: URL(string: "https://reader.example/item"))
        let lowered = output.lowercased()
        for marker in Self.forbidden {
            #expect(!lowered.contains(marker), "\(marker) survived in \(output.debugDescription)")
        }
        try SanitizedOutput.validate(output)
    }
}

/// Re-reads sanitized output and checks its invariants: only allowed elements and attributes,
/// no event handler, every URL http, https, mailto or relative, every quote balanced.
enum SanitizedOutput {
    struct Violation: Error, CustomStringConvertible {
        var description: String
    }

    static func validate(_ html: String) throws {
        var copy = html
        try copy.withUTF8 { bytes in
            var tokenizer = HTMLFragmentTokenizer(bytes)
            while let token = tokenizer.next() {
                switch token {
                case .startTag(let tag):
                    guard HTMLSanitizer.allowedElements.contains(tag.name) else {
                        throw Violation(description: "element <\(tag.name)> in \(html)")
                    }
                    for (name, value) in tag.attributes {
                        guard HTMLSanitizer.allowedAttributes.contains(name), !name.hasPrefix("on") else {
                            throw Violation(description: "attribute \(name) in \(html)")
                        }
                        let lowered = value.lowercased()
                        if name == "style",
                            ["expression", "url(", "binding", "behavior", "@import", "position", "\\"].contains(where: lowered.contains)
                        {
                            throw Violation(description: "style \(value) in \(html)")
                        }
                        if HTMLSanitizer.urlAttributes.contains(name), let scheme = URLReferenceResolver.scheme(of: value),
                            !HTMLSanitizer.allowedSchemes.contains(scheme)
                        {
                            throw Violation(description: "URL \(value) in \(html)")
                        }
                    }
                case .rawText, .ignorable:
                    throw Violation(description: "script, style or comment in \(html)")
                case .text, .endTag:
                    break
                }
            }
        }
    }
}
