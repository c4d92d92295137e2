"""Writes benches/fixtures/wps-report.docx: a typical-length report packaged
the way WPS Office writes a DOCX, for the speed benchmarks (issue 12).

What makes it WPS-like (from reports published as WPS exports): every run
carries the full eastAsia font set, kern, sz/szCs and lang; prose runs are
split mid-sentence; table 三's rows sit in content controls (w:sdt); the
package has WPS's docProps/app.xml and custom.xml (KSOProductBuildVer),
settings.xml, fontTable.xml, a theme and a styles.xml with a latentStyles
block and some forty styles. It was not saved by WPS itself (WPS does not
run here), so it is a stand-in, not a sample. The figures are the seed
report's. Run from the repo root; needs nothing beyond Python.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import make_samples as m  # noqa: E402
import docxgen  # noqa: E402
from docxgen import NS, NUMBERING, W  # noqa: E402
from samples_spec import SEED, seed_apps  # noqa: E402

# `--short OUT`: the same report with a fifth of the prose (make_pdf_bench_fixture.py
# prints it to a PDF of about six pages).
SHORT = '--short' in sys.argv
OUT = sys.argv[sys.argv.index('--short') + 1] if SHORT else 'benches/fixtures/wps-report.docx'
PROSE = 2 if SHORT else 10

WPS_RPR = ('<w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" '
           'w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"/><w:kern w:val="0"/><w:sz w:val="32"/>'
           '<w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>')

body = [m.para('某县人民政府办公室', jc='center'), m.para('2020年政府信息公开工作年度报告', jc='center'),
        m.para('一、总体情况')]
body += [m.para(p, split=6) for p in SEED["overview"] * PROSE]
body.append(m.para('二、主动公开政府信息情况'))
body += m.table2_2019({'regulations': [0, 0, 0], 'normative_documents': [3, 3, 21], 'licensing': [12, '+2', 140],
                       'other_services': [5, 0, 30], 'penalties': [8, '-1', 66], 'coercion': [2, 0, 4],
                       'fees': [3, 0], 'procurement': [6, '251000元']})
body.append(m.para('三、收到和处理政府信息公开申请情况'))
body += m.table3(seed_apps(m), False, {'sdt_rows': set(range(3, 30))})
body.append(m.para('四、政府信息公开行政复议、行政诉讼情况'))
body.append(m.table4([0] * 15))
body.append(m.para('五、存在的主要问题及改进情况'))
body += [m.para(p, split=6) for p in SEED["problems"] * (PROSE * 6 // 10)]
body.append(m.para('六、其他需要报告的事项'))
body.append(m.para('无。'))

doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
       '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
       'w:left="1587" w:header="851" w:footer="1474" w:gutter="0"/><w:docGrid w:type="lines" '
       'w:linePitch="579" w:charSpace="-849"/></w:sectPr></w:body></w:document>') % (NS, ''.join(body))
doc = doc.replace('<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>', WPS_RPR)

LATENT = ''.join('<w:lsdException w:name="%s" w:uiPriority="%d" w:qFormat="1"/>' % (n, i)
                 for i, n in enumerate(['Normal', 'heading 1', 'heading 2', 'heading 3', 'heading 4',
                                        'heading 5', 'heading 6', 'heading 7', 'heading 8', 'heading 9']
                                       + ['toc %d' % k for k in range(1, 10)]
                                       + ['Light Shading Accent %d' % k for k in range(1, 241)]))
STYLE_NAMES = ['Normal', 'heading 1', 'heading 2', 'heading 3', 'Default Paragraph Font', 'Normal Table',
               'Title', 'Subtitle', 'Body Text', 'Body Text Indent', 'Plain Text', 'Date', 'Balloon Text',
               'footer', 'header', 'Normal (Web)', 'Table Grid', 'Strong', 'Hyperlink', 'page number']
STYLES = ['<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/><w:qFormat/>'
          '<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>%s</w:rPr></w:style>' % WPS_RPR]
for i, n in enumerate(STYLE_NAMES[1:] + ['WPS样式%d' % k for k in range(20)], start=2):
    STYLES.append('<w:style w:type="paragraph" w:customStyle="1" w:styleId="%d"><w:name w:val="%s"/>'
                  '<w:basedOn w:val="1"/><w:next w:val="1"/><w:qFormat/><w:uiPriority w:val="%d"/>'
                  '<w:pPr><w:spacing w:line="579" w:lineRule="exact"/><w:ind w:firstLine="640"/></w:pPr>'
                  '%s</w:rPr></w:style>' % (i, n, i, WPS_RPR))
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s><w:docDefaults><w:rPrDefault>'
          '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" '
          'w:cs="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:latentStyles w:count="260" w:defQFormat="0">%s</w:latentStyles>%s</w:styles>') % (
              W, LATENT, ''.join(STYLES))

APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
       'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
       'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
       '<Template>Normal.dotm</Template><Pages>6</Pages><Words>3902</Words><Characters>4212</Characters>'
       '<Application>WPS Office_11.1.0.11830_F1E327BC-269C-435d-A152-05C5408002CA</Application>'
       '<Lines>140</Lines><Paragraphs>96</Paragraphs></Properties>')
CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
          'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
          'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
          '<vt:lpwstr>2052-11.1.0.11830</vt:lpwstr></property>'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV">'
          '<vt:lpwstr>4F3A7C1D8E2B4D5C9A6B0E1F2D3C4B5A</vt:lpwstr></property></Properties>')
SETTINGS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings %s><w:zoom w:percent="100"/>'
            '<w:bordersDoNotSurroundHeader w:val="1"/><w:documentProtection w:enforcement="0"/>'
            '<w:defaultTabStop w:val="420"/><w:drawingGridVerticalSpacing w:val="289"/>'
            '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:spaceForUL/>'
            '<w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/>'
            '<w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
            '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
            'w:val="14"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>') % W
FONTS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts %s>%s</w:fonts>') % (W, ''.join(
    '<w:font w:name="%s"><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/>'
    '<w:family w:val="modern"/><w:pitch w:val="default"/></w:font>' % f
    for f in ['Times New Roman', '宋体', '仿宋_GB2312', '黑体', '楷体_GB2312', '方正小标宋简体', 'Calibri']))
THEME = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements>'
         '<a:clrScheme name="Office">%s</a:clrScheme></a:themeElements></a:theme>') % (''.join(
    '<a:accent%d><a:srgbClr val="4472C4"/></a:accent%d>' % (k, k) for k in range(1, 7)) * 40)

OVERRIDE = '<Override PartName="/%s" ContentType="application/vnd.openxmlformats-%s+xml"/>\n'
CONTENT_TYPES = docxgen.CONTENT_TYPES.replace('</Types>', ''.join(OVERRIDE % p for p in [
    ('word/settings.xml', 'officedocument.wordprocessingml.settings'),
    ('word/fontTable.xml', 'officedocument.wordprocessingml.fontTable'),
    ('word/theme/theme1.xml', 'officedocument.theme'),
    ('docProps/app.xml', 'officedocument.extended-properties'),
    ('docProps/custom.xml', 'officedocument.custom-properties')]) + '</Types>')
REL = '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>\n'
RELS = docxgen.RELS.replace('</Relationships>', REL % (2, 'extended-properties', 'docProps/app.xml')
                            + REL % (3, 'custom-properties', 'docProps/custom.xml') + '</Relationships>')
DOC_RELS = docxgen.DOC_RELS.replace('</Relationships>', REL % (3, 'settings', 'settings.xml')
                                    + REL % (4, 'fontTable', 'fontTable.xml')
                                    + REL % (5, 'theme', 'theme/theme1.xml') + '</Relationships>')

docxgen.write_package(OUT, [('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', RELS),
                            ('docProps/app.xml', APP), ('docProps/custom.xml', CUSTOM),
                            ('word/_rels/document.xml.rels', DOC_RELS), ('word/document.xml', doc),
                            ('word/styles.xml', styles), ('word/numbering.xml', NUMBERING),
                            ('word/settings.xml', SETTINGS), ('word/fontTable.xml', FONTS),
                            ('word/theme/theme1.xml', THEME)])
print(os.path.getsize(OUT), 'bytes; document.xml', len(doc.encode('utf-8')), 'bytes; styles.xml',
      len(styles.encode('utf-8')), 'bytes')
