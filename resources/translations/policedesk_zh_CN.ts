<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="24"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="27"/>
        <source>Community Policing Desk</source>
        <translation>社区警务工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="29"/>
        <source>For station clerks, community officers and leaders of the three-level grid.</source>
        <translation>供三级网格的派出所内勤、社区民警和领导使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="38"/>
        <source>Made on the server by its administrator (pg_dump)</source>
        <translation>由服务器管理员在服务器上备份（pg_dump）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="42"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="43"/>
        <source>Database schema:</source>
        <translation>数据库结构版本：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="44"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="45"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="46"/>
        <source>Backups:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="56"/>
        <source>No database is open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="62"/>
        <source>{database} (this program: {program})</source>
        <translation>{database}（本程序：{program}）</translation>
    </message>
</context>
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/absence_dialog.py" line="40"/>
        <source>Absence</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/absence_dialog.py" line="40"/>
        <source>New absence</source>
        <translation>新建请假</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/absence_dialog.py" line="50"/>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/absence_dialog.py" line="54"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/absence_dialog.py" line="55"/>
        <source>First day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/absence_dialog.py" line="56"/>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/absence_dialog.py" line="59"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="29"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="32"/>
        <source>Database co&amp;nnection…</source>
        <translation>数据库连接(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="34"/>
        <source>Work on a database file on this computer or on a shared PostgreSQL server</source>
        <translation>使用本机的数据库文件，或共用的 PostgreSQL 数据库服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="38"/>
        <source>Write a data &amp;package…</source>
        <translation>导出数据包(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="40"/>
        <source>This desk&apos;s changes since its last package, for the sub-bureau or a station</source>
        <translation>本机自上一个数据包以来的变动，交分局或派出所导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="44"/>
        <source>Import a data pa&amp;ckage…</source>
        <translation>导入数据包(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="46"/>
        <source>Merge another desk&apos;s package; records changed on both sides wait for you</source>
        <translation>合并其他单位的数据包；双方都改过的记录留待您选择</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="50"/>
        <source>Data con&amp;flicts…</source>
        <translation>数据冲突(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="52"/>
        <source>Records changed both here and at another desk: keep one version</source>
        <translation>本机与其他单位都改过的记录：选择保留一个版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="57"/>
        <source>&amp;This desk&apos;s enrolment request…</source>
        <translation>本工作台的登记申请(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="59"/>
        <source>Write this desk&apos;s request for the sub-bureau and show its fingerprint</source>
        <translation>写出本工作台交分局的登记申请，并显示本工作台的指纹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="63"/>
        <source>Enrol a des&amp;k…</source>
        <translation>登记工作台(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="65"/>
        <source>Take a desk&apos;s packages from now on, once its fingerprint matches by phone</source>
        <translation>电话核对指纹一致后登记工作台，今后接收它的数据包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="69"/>
        <source>Enrolled de&amp;sks…</source>
        <translation>已登记的工作台(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="71"/>
        <source>The desks enrolled here, and revoking a lost or replaced one</source>
        <translation>本机已登记的工作台；可注销丢失或更换的工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="73"/>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="74"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="75"/>
        <source>&amp;Check database</source>
        <translation>检查数据库(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="76"/>
        <source>Backup &amp;folder…</source>
        <translation>备份文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="77"/>
        <source>Open the &amp;demo jurisdiction</source>
        <translation>打开演示辖区(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="78"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="80"/>
        <source>New &amp;sub-bureau…</source>
        <translation>新建分局(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="83"/>
        <source>&amp;New under the selection…</source>
        <translation>在所选节点下新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="85"/>
        <source>Add a station, office or grid cell under the selected node</source>
        <translation>在所选节点下新建派出所、警务室或网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="87"/>
        <source>New &amp;officer…</source>
        <translation>新建人员(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="90"/>
        <source>New &amp;visit…</source>
        <translation>新增走访(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="92"/>
        <source>Record a visit to an enterprise</source>
        <translation>记录一次企业走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="96"/>
        <source>Visit &amp;intervals…</source>
        <translation>走访周期(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="98"/>
        <source>Days between visits for each risk grade</source>
        <translation>各风险等级的走访间隔天数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="102"/>
        <source>E&amp;xport the visit ledger…</source>
        <translation>导出走访台账(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="104"/>
        <source>Write the visits of the selected unit to an Excel file</source>
        <translation>将所选单位的走访记录写入 Excel 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="108"/>
        <source>Export a &amp;ledger…</source>
        <translation>导出台账(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="110"/>
        <source>Any ledger of the selected unit, as the filed paper form</source>
        <translation>按归档纸质台账格式导出所选单位的各类台账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="114"/>
        <source>&amp;Import enterprises…</source>
        <translation>导入单位(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="116"/>
        <source>Read enterprises from an Excel sheet, checked before anything is written</source>
        <translation>从 Excel 表读入单位，先逐行检查再写入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="120"/>
        <source>Import &amp;officers…</source>
        <translation>导入人员(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="122"/>
        <source>Read officers from an Excel sheet, checked before anything is written</source>
        <translation>从 Excel 表读入人员，先逐行检查再写入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="126"/>
        <source>Import &amp;visits…</source>
        <translation>导入走访(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="128"/>
        <source>Read visits from an Excel register, checked before anything is written</source>
        <translation>从 Excel 走访登记表读入走访记录，先逐行检查再写入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="132"/>
        <source>Import grid &amp;boundaries…</source>
        <translation>导入网格边界(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="134"/>
        <source>Read the grid cells&apos; boundaries for the map from a GeoJSON file</source>
        <translation>从 GeoJSON 文件读取网格边界，用于地图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="136"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="139"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="141"/>
        <source>Move the selected node to the recycle bin</source>
        <translation>把所选节点移入回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="143"/>
        <source>&amp;Move to…</source>
        <translation>移动到(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="144"/>
        <source>Recycle &amp;bin…</source>
        <translation>回收站(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="145"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="146"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="149"/>
        <source>&amp;Contents</source>
        <translation>使用帮助(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="151"/>
        <source>The main tasks step by step and every shortcut, without a network</source>
        <translation>主要工作的操作步骤和全部快捷键（无需联网）</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <location filename="../../desktop/cli_help.py" line="21"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="22"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="23"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="24"/>
        <source>subcommands</source>
        <translation>子命令</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="25"/>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="26"/>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序的版本号并退出</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="27"/>
        <source>%(prog)s: error: %(message)s</source>
        <translation>%(prog)s：错误：%(message)s</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="28"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="29"/>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="30"/>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="31"/>
        <source>ignored explicit argument %r</source>
        <translation>忽略了多给的参数值 %r</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="32"/>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必填参数：%s</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="33"/>
        <source>one of the arguments %s is required</source>
        <translation>参数 %s 须给出其中之一</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="34"/>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="35"/>
        <source>expected at most one argument</source>
        <translation>最多只能有一个值</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="36"/>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="37"/>
        <source>expected %s argument</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="38"/>
        <source>expected %s arguments</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="39"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可能是 %(matches)s</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="40"/>
        <source>unexpected option string: %s</source>
        <translation>多余的选项：%s</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="41"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="42"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="43"/>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>无法打开“%(filename)s”：%(error)s</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="36"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="37"/>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="38"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="39"/>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="40"/>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="41"/>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="42"/>
        <source>Logged out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="43"/>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="44"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="45"/>
        <source>Backed up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="46"/>
        <source>Restored the database</source>
        <translation>从备份恢复数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="47"/>
        <source>Settled a data conflict</source>
        <translation>处理数据冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="48"/>
        <source>Made a new recovery key</source>
        <translation>生成了新的恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="49"/>
        <source>Encrypted the database</source>
        <translation>加密了数据库</translation>
    </message>
</context>
<context>
    <name>AuditFields</name>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="59"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="60"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="61"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="62"/>
        <source>unit level</source>
        <translation>单位层级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="63"/>
        <source>unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="64"/>
        <source>active</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="65"/>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="66"/>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="67"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="68"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="69"/>
        <source>credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="70"/>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="71"/>
        <source>key industry</source>
        <translation>重点行业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="72"/>
        <source>legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="73"/>
        <source>legal representative&apos;s ID number</source>
        <translation>法定代表人身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="74"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="75"/>
        <source>security contact</source>
        <translation>治安保卫负责人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="76"/>
        <source>security phone</source>
        <translation>保卫负责人电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="77"/>
        <source>employees</source>
        <translation>从业人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="78"/>
        <source>risk grade</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="79"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="80"/>
        <source>registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="81"/>
        <source>visit interval</source>
        <translation>走访周期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="82"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="83"/>
        <source>visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="84"/>
        <source>kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="85"/>
        <source>officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="86"/>
        <source>content</source>
        <translation>走访内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="87"/>
        <source>guidance</source>
        <translation>安保指导</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="88"/>
        <source>opinions and requests</source>
        <translation>意见建议与诉求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="89"/>
        <source>enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="90"/>
        <source>grid cell</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="91"/>
        <source>office</source>
        <translation>警务室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="92"/>
        <source>station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="93"/>
        <source>sub-bureau</source>
        <translation>分局</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="94"/>
        <source>badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="95"/>
        <source>force</source>
        <translation>警力类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="96"/>
        <source>households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="97"/>
        <source>population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="98"/>
        <source>community officer</source>
        <translation>社区民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="99"/>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="100"/>
        <source>category</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="101"/>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="102"/>
        <source>found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="103"/>
        <source>deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="104"/>
        <source>responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="105"/>
        <source>progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="106"/>
        <source>value</source>
        <translation>设置值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="107"/>
        <source>last changed</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="108"/>
        <source>companions</source>
        <translation>同行民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="109"/>
        <source>tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="110"/>
        <source>route</source>
        <translation>路线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="111"/>
        <source>peak hours</source>
        <translation>高峰时段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="112"/>
        <source>staffing</source>
        <translation>配备要求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="113"/>
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="114"/>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="115"/>
        <source>from</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="116"/>
        <source>to</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="117"/>
        <source>patrol unit</source>
        <translation>巡逻单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="118"/>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="119"/>
        <source>version kept</source>
        <translation>保留的版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="120"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="121"/>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="122"/>
        <source>password changed</source>
        <translation>密码修改时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="123"/>
        <source>visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="124"/>
        <source>rectification started on</source>
        <translation>开始整改日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="125"/>
        <source>rectification started by</source>
        <translation>开始整改经办人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="126"/>
        <source>rectified on</source>
        <translation>整改完成日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="127"/>
        <source>rectified by</source>
        <translation>整改确认人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="128"/>
        <source>closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="129"/>
        <source>closed by</source>
        <translation>销号人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="130"/>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="131"/>
        <source>grid cells</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="132"/>
        <source>planned by hand</source>
        <translation>手工排班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="133"/>
        <source>reception days</source>
        <translation>接待日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="134"/>
        <source>last login</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="135"/>
        <source>failed logins</source>
        <translation>连续登录失败次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="136"/>
        <source>locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="139"/>
        <source>this desk&apos;s</source>
        <translation>本机版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="140"/>
        <source>the package&apos;s</source>
        <translation>数据包版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="144"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="144"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="187"/>
        <source>unknown user name</source>
        <translation>用户名不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="188"/>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="189"/>
        <source>wrong password; the account is now locked</source>
        <translation>密码错误，账号因此锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="192"/>
        <source>account locked</source>
        <translation>账号已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="193"/>
        <source>account disabled</source>
        <translation>账号已停用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_words.py" line="34"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_words.py" line="35"/>
        <source>published</source>
        <translation>已发布</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="240"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="244"/>
        <source>Filter by user or record</source>
        <translation>按用户或记录筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="245"/>
        <source>&amp;Details…</source>
        <translation>详情(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="246"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="257"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="263"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="264"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="265"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="266"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="268"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="304"/>
        <location filename="../../desktop/ui/pages/audit_page.py" line="320"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="306"/>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="321"/>
        <source>{n} entries written to {path}.</source>
        <translation>已将 {n} 条记录写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/audit_page.py" line="330"/>
        <source>Audit entry</source>
        <translation>审计记录</translation>
    </message>
</context>
<context>
    <name>BackupWork</name>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="65"/>
        <source>Today&apos;s backup: {path}</source>
        <translation>今日自动备份：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="123"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="214"/>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="38"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="78"/>
        <location filename="../../desktop/ui/work/backup.py" line="87"/>
        <location filename="../../desktop/ui/work/backup.py" line="223"/>
        <location filename="../../desktop/ui/work/backup.py" line="231"/>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="80"/>
        <source>The database {path} is damaged ({detail}). Save nothing more in it: restore the latest backup (File &gt; Restore from backup).</source>
        <translation>数据库 {path} 已损坏（{detail}）。请不要再往里保存数据，并恢复最近的备份（文件 &gt; 从备份恢复）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="89"/>
        <source>The database {path} is damaged ({detail}). Restore the newest whole backup, {backup} of {time}? The damaged file is kept aside.</source>
        <translation>数据库 {path} 已损坏（{detail}）。是否恢复最近一份完好的备份 {backup}（{time}）？损坏的文件会另行保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="107"/>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="109"/>
        <source>Desk databases (*.sqlite3)</source>
        <translation>工作台数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="125"/>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="131"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="133"/>
        <source>Desk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>工作台数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="139"/>
        <location filename="../../desktop/ui/work/backup.py" line="177"/>
        <location filename="../../desktop/ui/work/backup.py" line="197"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="141"/>
        <source>Replace the open database with this backup? The current file is kept aside first.</source>
        <translation>用这个备份替换当前数据库吗？当前文件会先另存一份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="178"/>
        <source>The backup was restored. The replaced file is kept as {path}.</source>
        <translation>备份已恢复。被替换的文件保存在 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="199"/>
        <source>This backup was made under another key (another computer&apos;s desk). Give {user}&apos;s password as it was in that backup:</source>
        <translation>该备份是用另一把密钥（另一台电脑上的工作台）制作的。请输入 {user} 在该备份中的密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="224"/>
        <source>The database is whole: no problems found.</source>
        <translation>数据库完好，未发现问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/backup.py" line="233"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 项</translation>
    </message>
</context>
<context>
    <name>BureauDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="46"/>
        <source>Sub-bureau</source>
        <translation>分局</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="46"/>
        <source>New sub-bureau</source>
        <translation>新建分局</translation>
    </message>
</context>
<context>
    <name>CadenceDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/cadence_dialog.py" line="17"/>
        <source>Visit intervals</source>
        <translation>走访周期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cadence_dialog.py" line="21"/>
        <source>An enterprise is due for its next visit this many days after the last one. An interval set on the enterprise itself wins.</source>
        <translation>单位上次走访后经过下列天数即应再次走访。单位自身设定的周期优先。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cadence_dialog.py" line="30"/>
        <source>Risk grade {grade}: every (days)</source>
        <translation>风险等级“{grade}”：每隔（天）</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="51"/>
        <source>none due</source>
        <translation>本期无应走访</translation>
    </message>
</context>
<context>
    <name>CheckinDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="42"/>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="60"/>
        <source>Check-ins against the roster</source>
        <translation>打卡核对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="48"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="49"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="50"/>
        <source>Patrol unit</source>
        <translation>巡逻单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="51"/>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="52"/>
        <source>Checked in</source>
        <translation>打卡情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="53"/>
        <source>First check-in</source>
        <translation>首次打卡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="62"/>
        <source>&amp;Import check-ins…</source>
        <translation>导入打卡记录(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="83"/>
        <source>{n} duties begun: {ok} on time, {late} late, {missed} missed.</source>
        <translation>已开始的勤务 {n} 个：按时 {ok}，迟到 {late}，未到 {missed}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="94"/>
        <source> ({n} min)</source>
        <translation>（{n} 分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="107"/>
        <source>Import check-ins</source>
        <translation>导入打卡记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="109"/>
        <source>Check-in records (*.csv *.xlsx *.xlsm)</source>
        <translation>打卡记录 (*.csv *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="120"/>
        <source>Nothing was imported</source>
        <translation>未导入任何记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/checkin_dialog.py" line="131"/>
        <source> {n} check-ins imported, {same} already on file.</source>
        <translation> 已导入 {n} 条打卡，{same} 条已在册。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../desktop/cli_desk.py" line="37"/>
        <source>Demo jurisdiction written to {path}: {stations} stations, {offices} offices, {grids} grid cells, {officers} officers.</source>
        <translation>演示辖区已写入 {path}：派出所 {stations} 个，警务室 {offices} 个，网格 {grids} 个，人员 {officers} 名。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_desk.py" line="69"/>
        <source>The schema is up to date: {revision}.</source>
        <translation>数据库结构已是最新：{revision}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_desk.py" line="85"/>
        <source>{path}: no problems found.</source>
        <translation>{path}：未发现问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_desk.py" line="99"/>
        <source>Backed up to {path}.</source>
        <translation>已备份到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_desk.py" line="117"/>
        <source>Restored {backup}; the replaced file is kept as {aside}.</source>
        <translation>已恢复 {backup}；被替换的文件保存在 {aside}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_desk.py" line="122"/>
        <source>Restored {backup}.</source>
        <translation>已恢复 {backup}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_desk.py" line="162"/>
        <source>Recovery key (48 digits): </source>
        <translation>恢复密钥（48 位数字）：</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_desk.py" line="163"/>
        <source>New password for {user}: </source>
        <translation>{user} 的新密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_desk.py" line="164"/>
        <source>The same again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_desk.py" line="198"/>
        <source>{user} has a new password; log in with it.</source>
        <translation>{user} 已设置新密码，请用新密码登录。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="38"/>
        <source>{text} is not a date: write it as 2026-03-05.</source>
        <translation>{text} 不是日期，请写成 2026-03-05 这样的格式。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="43"/>
        <source>--from {start} is after --to {end}.</source>
        <translation>--from {start} 晚于 --to {end}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="52"/>
        <source>{ledger} has no column {columns} that can be left out; it can leave out: {known}.</source>
        <translation>{ledger}没有可以略去的列“{columns}”；可以略去的列：{known}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="108"/>
        <source>{n} grid cells have their boundary now.</source>
        <translation>已为 {n} 个网格写入边界。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="148"/>
        <source>{file}: {rows} check-ins read; {new} new, {on_file} on file, {bad} wrong.</source>
        <translation>{file}：读取打卡 {rows} 条；新增 {new}，已在册 {on_file}，有误 {bad}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="179"/>
        <source>{name} is neither a police station nor the sub-bureau.</source>
        <translation>{name} 既不是派出所，也不是分局。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="188"/>
        <source>{n} personal schedules written.</source>
        <translation>已写出 {n} 份个人勤务安排表。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="196"/>
        <source>{n} duties in the roster of {month}; nights spread {nights}, shifts spread {shifts} between officers of equal availability.</source>
        <translation>{month} 排班共 {n} 个班次；同等可排班人员之间夜班相差 {nights}，班次相差 {shifts}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="212"/>
        <source>Written as a draft with {n} open slots: staff them, then publish.</source>
        <translation>已存为草稿，有 {n} 个空缺班次：补齐后再发布。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="85"/>
        <source>{n} rows of {ledger} written to {path}.</source>
        <translation>已将{ledger} {n} 行写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_common.py" line="57"/>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_common.py" line="86"/>
        <source>The database is now encrypted. Its recovery key, shown this once:

    {key}

Print it or write it down and keep it in the station&apos;s safe: with it the database opens when every administrator&apos;s password is lost. Whoever holds it can read the database.</source>
        <translation>数据库现已加密。它的恢复密钥只显示这一次：

    {key}

请打印或抄写下来，存放在派出所的保险柜里：所有管理员的密码都丢失时，凭它仍能打开数据库。持有它的人可以读取数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="114"/>
        <source>{file}: {rows} rows read; {new} new, {updated} to update, {unchanged} as on file, {bad} with problems.</source>
        <translation>{file}：读取 {rows} 行；新增 {new}，更新 {updated}，与现有记录相同 {unchanged}，有问题 {bad}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="130"/>
        <location filename="../../desktop/cli_records.py" line="159"/>
        <source>Nothing was imported: correct these rows first.</source>
        <translation>未导入任何记录：请先改正以上各行。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="138"/>
        <source>{n} records written.</source>
        <translation>已写入 {n} 条记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="224"/>
        <source>The roster of {month} keeps every rule.</source>
        <translation>{month} 的排班符合全部规则。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="21"/>
        <source>data packages: a station&apos;s changes to the sub-bureau and back</source>
        <translation>数据包：派出所的变更报送分局，分局的变更下发派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="24"/>
        <source>write the changes since the last package to FILE</source>
        <translation>将上一个数据包以来的变更写入文件</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="30"/>
        <source>every record, for a desk that missed a package</source>
        <translation>全部记录（用于漏收了数据包的终端）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="34"/>
        <source>merge a package (all of it or nothing)</source>
        <translation>合并一个数据包（要么全部导入，要么都不导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="38"/>
        <source>report what would change</source>
        <translation>只报告将有哪些变更，不写入</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="44"/>
        <source>the sub-bureau&apos;s first package: its desk&apos;s fingerprint, read over the phone</source>
        <translation>分局的第一个数据包：分局终端的指纹（电话核对）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="51"/>
        <source>write this desk&apos;s enrolment request for the sub-bureau to FILE</source>
        <translation>将本终端给分局的登记申请写入文件</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="59"/>
        <source>the station (or sub-bureau) this desk works for</source>
        <translation>本终端所属的派出所（或分局）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="64"/>
        <source>accept a desk&apos;s request once its fingerprint was read over the phone</source>
        <translation>电话核对指纹后，接受一个终端的登记申请</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="73"/>
        <source>another unit than the request names</source>
        <translation>登记到申请所写以外的单位</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="78"/>
        <source>list this desk&apos;s fingerprint and the enrolled desks</source>
        <translation>列出本终端的指纹和已登记的终端</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="83"/>
        <source>refuse a lost or replaced desk&apos;s packages from now on</source>
        <translation>从现在起拒收丢失或更换的终端的数据包</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="88"/>
        <source>its id (8 characters or more) or unit</source>
        <translation>终端编号（至少 8 个字符）或所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="93"/>
        <source>list records changed on both sides (exit 1 when there is any)</source>
        <translation>列出双方都改过的记录（有则退出码为 1）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="99"/>
        <source>settle a conflict by keeping one version</source>
        <translation>保留其中一个版本以解决冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="102"/>
        <source>as `exchange conflicts` lists it</source>
        <translation>即 `exchange conflicts` 列出的编号</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="138"/>
        <source>{file}: package {sequence} from {origin}, {n} records.</source>
        <translation>{file}：{origin} 的第 {sequence} 号数据包，共 {n} 条记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="160"/>
        <source>{file} was imported before; nothing changed.</source>
        <translation>{file} 以前已导入过，未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="165"/>
        <source>{file} (package {sequence} from {origin}): {new} new, {updated} updated, {deleted} deleted, {unchanged} as here, {older} older than here, {conflicts} conflicts.</source>
        <translation>{file}（{origin} 的第 {sequence} 号数据包）：新增 {new}，更新 {updated}，删除 {deleted}，与本机相同 {unchanged}，比本机旧 {older}，冲突 {conflicts}。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="177"/>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="180"/>
        <source>Settle the conflicts: policedesk exchange conflicts, then resolve.</source>
        <translation>请处理冲突：先运行 policedesk exchange conflicts，再用 resolve 选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="201"/>
        <source>{n} conflicts (this desk&apos;s value | the package&apos;s).</source>
        <translation>共 {n} 处冲突（本机的值 | 数据包的值）。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="215"/>
        <source>Settled: kept the {keep} version.</source>
        <translation>已处理：保留了 {keep} 版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="224"/>
        <source>{file}: this desk&apos;s request for {unit}. Take it to the sub-bureau, and read them its fingerprint over the phone:</source>
        <translation>{file}：本工作台（{unit}）的登记申请。请把它交到分局，并通过电话向分局念出它的指纹：</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="241"/>
        <source>Enrolled the desk of {unit} ({id}): its packages are taken from now on.</source>
        <translation>已登记{unit}的工作台（{id}）：今后接收它的数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="255"/>
        <source>This desk: {id}, fingerprint {fingerprint}</source>
        <translation>本工作台：{id}，指纹 {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="259"/>
        <source>revoked {day}</source>
        <translation>{day} 已注销</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="261"/>
        <source>enrolled {day}</source>
        <translation>{day} 登记</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="266"/>
        <source>{n} desks enrolled.</source>
        <translation>已登记 {n} 个工作台。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_exchange.py" line="275"/>
        <source>Revoked the desk of {unit} ({id}): its packages are refused.</source>
        <translation>已注销{unit}的工作台（{id}）：今后拒收它的数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_server.py" line="16"/>
        <source>the shared PostgreSQL server&apos;s desk role</source>
        <translation>共用 PostgreSQL 服务器上供终端连接的角色</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_server.py" line="20"/>
        <source>migrate as the owner, then create or update the role the desks connect as</source>
        <translation>以所有者身份升级数据库结构，再创建或更新终端连接所用的角色</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_server.py" line="28"/>
        <source>the database&apos;s URL as its owner: postgresql+psycopg://owner@host/db</source>
        <translation>以所有者身份连接数据库的 URL：postgresql+psycopg://owner@host/db</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_server.py" line="36"/>
        <source>the desks&apos; login role</source>
        <translation>终端登录所用的角色</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_server.py" line="41"/>
        <source>the role&apos;s new password from standard input&apos;s first line (else unchanged)</source>
        <translation>从标准输入第一行读取该角色的新密码（不给则不改）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_server.py" line="61"/>
        <source>The role {role} ({state}) may read and write the records of {database} and add to its audit trail, nothing else. Desks connect as {role}; run this again after each upgrade of the program.</source>
        <translation>角色 {role}（{state}）只能读写 {database} 的记录并追加审计日志，别无其他权限。各工作台以 {role} 连接；每次升级程序后请再运行一次本命令。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_server.py" line="77"/>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_server.py" line="77"/>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="40"/>
        <source>SQLite file or SQLAlchemy URL (default: policedesk.sqlite3 in the user data folder; postgresql+psycopg://user@host/db for a shared server)</source>
        <translation>SQLite 文件或 SQLAlchemy URL（默认：用户数据文件夹中的 policedesk.sqlite3；共用服务器写 postgresql+psycopg://user@host/db）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="50"/>
        <source>log in as this user (the password is asked for on the terminal)</source>
        <translation>以此用户登录（在终端中输入密码）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="58"/>
        <source>read the password from the first line of standard input (for scripts)</source>
        <translation>从标准输入的第一行读取密码（供脚本使用）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="67"/>
        <source>Community-policing desk: the jurisdiction grid (sub-bureau, stations, community police offices, grid cells), its officers, enterprises and their visits. Without a command, opens the window.</source>
        <translation>社区警务工作台：辖区网格（分局、派出所、社区警务室、网格）及其警力、单位和走访。不带命令时打开程序窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="78"/>
        <source>open the demo database (generated on first use)</source>
        <translation>打开演示数据库（首次使用时生成）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="84"/>
        <source>generate a demo jurisdiction into an empty database</source>
        <translation>在空数据库中生成演示辖区</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="91"/>
        <source>create or upgrade the database schema</source>
        <translation>创建或升级数据库结构</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="96"/>
        <source>check the database&apos;s integrity</source>
        <translation>检查数据库的完整性</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="101"/>
        <source>copy the database to a file, safely while in use</source>
        <translation>将数据库备份到文件（使用中也可安全备份）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="108"/>
        <source>replace the database with a backup (the current file is kept aside)</source>
        <translation>用备份替换数据库（当前文件另存保留）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="117"/>
        <source>every administrator&apos;s password is lost: open the database with its recovery key and give the administrator --user NAME a new password</source>
        <translation>所有管理员的密码都已丢失时：用恢复密钥打开数据库，为 --user 指定的管理员设置新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="129"/>
        <source>write a ledger to an Excel file</source>
        <translation>将台账导出为 Excel 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="139"/>
        <source>a sheet for each station in the scope</source>
        <translation>范围内每个派出所一个工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="145"/>
        <source>the paper it prints on (default: A4, or A3 where A4 would print below 9 pt)</source>
        <translation>打印纸张（默认 A4；A4 上字号会小于 9 磅时用 A3）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="153"/>
        <source>optional columns to leave out, by their Chinese names, comma-separated</source>
        <translation>不导出的可选列，写中文列名，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="160"/>
        <source>phone and ID numbers in full (masked otherwise)</source>
        <translation>显示完整的电话和身份证号码（否则遮蔽）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="166"/>
        <source>the .xlsx file to write</source>
        <translation>要写入的 .xlsx 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="171"/>
        <source>a station or grid code, or a unit&apos;s exact name</source>
        <translation>派出所或网格编码，或单位的完整名称</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="177"/>
        <source>first day, 2026-01-01</source>
        <translation>起始日期，如 2026-01-01</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="183"/>
        <source>last day, 2026-12-31</source>
        <translation>截止日期，如 2026-12-31</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="189"/>
        <source>read records from an Excel sheet (all rows or none: any bad row stops it)</source>
        <translation>从 Excel 表导入记录（要么全部导入，要么都不导入：有一行出错即停止）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="196"/>
        <source>enterprises 单位, visits, officers (Excel); boundaries (GeoJSON of grid cells); checkins (CSV or Excel: officer, point, time)</source>
        <translation>enterprises 单位、visits 走访、officers 人员（Excel）；boundaries 网格边界（GeoJSON）；checkins 巡逻签到（CSV 或 Excel：人员、巡点、时间）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="206"/>
        <source>check and report, write nothing</source>
        <translation>只检查并报告，不写入</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="211"/>
        <source>check or generate a station&apos;s month roster</source>
        <translation>检查或生成派出所的月排班</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="216"/>
        <source>list every broken rule of the month (exit 1 when there is any)</source>
        <translation>列出本月违反的每条规则（有则退出码为 1）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="220"/>
        <source>fill the month, keeping the duties set by hand</source>
        <translation>排满本月，保留手工安排的勤务</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="223"/>
        <source>write each officer&apos;s personal schedule of the month, a sheet each</source>
        <translation>导出每人本月的个人勤务表，每人一个工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="233"/>
        <source>a station&apos;s name or code; the sub-bureau&apos;s name for its 巡线</source>
        <translation>派出所名称或编码；分局的巡线写分局名称</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="241"/>
        <source>or a week: YYYY-Www</source>
        <translation>或某一周：YYYY-Www</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="245"/>
        <source>at most (10)</source>
        <translation>最多秒数（10）</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="48"/>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="49"/>
        <source>PATH_OR_URL</source>
        <translation>路径或URL</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="50"/>
        <source>OWNER_URL</source>
        <translation>所有者URL</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="51"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="52"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="53"/>
        <source>COLUMNS</source>
        <translation>列名</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="54"/>
        <source>UNIT</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="55"/>
        <source>DATE</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="56"/>
        <source>DIGITS</source>
        <translation>指纹数字</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="57"/>
        <source>DESK</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="58"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="59"/>
        <source>SEED</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_help.py" line="60"/>
        <source>SECONDS</source>
        <translation>秒数</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="132"/>
        <source>Data conflicts</source>
        <translation>数据冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="136"/>
        <source>These records were changed both here and at another desk since the two last exchanged them. This desk&apos;s version is in force until you choose; the version you keep goes out with this desk&apos;s next package, and the other desk follows.</source>
        <translation>以下记录自上次交换以来，本机和其他单位都修改过。在您选择之前以本机版本为准；您保留的版本随本机下一个数据包发出，对方导入后随之一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="148"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="148"/>
        <source>This desk</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="148"/>
        <source>The package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="156"/>
        <source>Keep this desk&apos;s version</source>
        <translation>保留本机版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="157"/>
        <source>Take the package&apos;s version</source>
        <translation>采用数据包版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="160"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="179"/>
        <source>No conflicts are waiting.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="193"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="193"/>
        <source>in use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="196"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="41"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="47"/>
        <source>This computer (a database file)</source>
        <translation>本机（数据库文件）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="48"/>
        <source>A database server (PostgreSQL)</source>
        <translation>数据库服务器（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="59"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="68"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="75"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="76"/>
        <source>name or address, e.g. 10.32.1.5</source>
        <translation>名称或地址，例如 10.32.1.5</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="80"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="82"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="85"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="87"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="97"/>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="99"/>
        <source>in this computer&apos;s keyring (the system&apos;s password safe)</source>
        <translation>在本机的密钥环中（系统的密码保险箱）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="102"/>
        <source>in this desk&apos;s own PostgreSQL password file ({file}), which only this computer user may read: this computer has no keyring</source>
        <translation>在本工作台自己的 PostgreSQL 密码文件（{file}）中，只有本机的这个用户能读取：本机没有密钥环</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="108"/>
        <source>The password is kept {where}, never in the settings file. Connect as the desks&apos; role the server&apos;s administrator set up, not as the database&apos;s owner.</source>
        <translation>密码保存{where}，从不写入设置文件。请以服务器管理员为工作台设置的角色连接，而不是以数据库所有者连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="117"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="163"/>
        <source>None (disable)</source>
        <translation>不加密（disable）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="164"/>
        <source>If the server offers it (prefer)</source>
        <translation>服务器支持时加密（prefer）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="165"/>
        <source>Always (require)</source>
        <translation>始终加密（require）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="166"/>
        <source>Always, and check the server&apos;s certificate (verify-ca)</source>
        <translation>始终加密并核验服务器证书（verify-ca）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="168"/>
        <source>Always, and check the server&apos;s certificate and name (verify-full)</source>
        <translation>始终加密并核验服务器证书和名称（verify-full）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="175"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="177"/>
        <source>Desk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>数据库文件 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="204"/>
        <source>Changed since the test: Save tests it again.</source>
        <translation>测试后已修改：保存时会重新测试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/database_dialog.py" line="216"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../desktop/ui/widgets/date_edit.py" line="81"/>
        <source>Choose from a calendar (F4)</source>
        <translation>从日历中选择（F4）</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <location filename="../../desktop/ui/pages/filters.py" line="34"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/filters.py" line="34"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/filters.py" line="36"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/filters.py" line="38"/>
        <source>A date such as 2026-03-05, 2026.3.5 or 20260305; empty: no limit</source>
        <translation>日期，如 2026-03-05、2026.3.5 或 20260305；不填为不限</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/deadline_dialog.py" line="22"/>
        <source>Default deadlines of hazards</source>
        <translation>隐患整改期限默认值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/deadline_dialog.py" line="26"/>
        <source>Days from the visit to the deadline that the visit form proposes for a hazard of each kind. Empty: no deadline is proposed.</source>
        <translation>走访记录中发现各类安全隐患时默认填写的整改期限（自走访之日起的天数）。留空则不预填期限。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/deadline_dialog.py" line="35"/>
        <source>none</source>
        <translation>不预填</translation>
    </message>
</context>
<context>
    <name>DesksDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="41"/>
        <source>Enrolled desks</source>
        <translation>已登记的工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="44"/>
        <source>This desk&apos;s fingerprint, to read to a desk that enrols this one:</source>
        <translation>本工作台的指纹（登记本工作台的一方核对时念给对方）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="49"/>
        <source>Desks whose packages this desk takes, and seals its own for:</source>
        <translation>本机接收其数据包、并为其加密本机数据包的工作台：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="53"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="54"/>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="55"/>
        <source>Enrolled</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="56"/>
        <source>Enrolled by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="57"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="70"/>
        <source>&amp;Enrol a desk…</source>
        <translation>登记工作台(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="74"/>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="79"/>
        <source>&amp;Revoke…</source>
        <translation>注销(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="76"/>
        <source>For a desk whose computer was lost, stolen or replaced</source>
        <translation>用于电脑丢失、被盗或更换的工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="82"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="108"/>
        <source>Revoked {when}</source>
        <translation>已注销 {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="110"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="123"/>
        <source>No desk is enrolled here yet.</source>
        <translation>本机尚未登记任何工作台。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="146"/>
        <source>Revoke a desk</source>
        <translation>注销工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment_list.py" line="148"/>
        <source>Revoke the desk of {unit} (fingerprint {fingerprint})?

From now on its packages are refused here, and this desk&apos;s packages are no longer sealed for it, so it cannot read them. Do this for a desk whose computer was lost, stolen or replaced. The records it sent before stay. To take it back, enrol it again from its request.</source>
        <translation>注销{unit}的工作台（指纹 {fingerprint}）？

注销后，今后在本机拒收它的数据包，本机的数据包也不再为它加密，它将无法读取。请仅对电脑丢失、被盗或更换的工作台这样做。它以前发来的记录仍然保留。如需恢复，请凭它的登记申请重新登记。</translation>
    </message>
</context>
<context>
    <name>DuePage</name>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="37"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="38"/>
        <source>Due within a week</source>
        <translation>一周内到期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="39"/>
        <source>On time</source>
        <translation>按期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="40"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="45"/>
        <source>&amp;Record a visit…</source>
        <translation>记录走访(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="55"/>
        <source>Visit reminders</source>
        <translation>走访提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="65"/>
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="66"/>
        <source>Grid cell</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="67"/>
        <source>Risk grade</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="69"/>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="72"/>
        <source>Next due</source>
        <translation>下次应走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="73"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="74"/>
        <source>Community officer</source>
        <translation>社区民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="79"/>
        <source>All community officers</source>
        <translation>全部社区民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/due_page.py" line="90"/>
        <source>Overdue {a} · due within a week {b} · on time {c}</source>
        <translation>逾期 {a} · 一周内到期 {b} · 按期 {c}</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="175"/>
        <source>Enrol a desk</source>
        <translation>登记工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="181"/>
        <source>Call the desk&apos;s operator: they read out the fingerprint their desk shows (File &gt; This desk&apos;s enrolment request), you type it below. Anyone can write a request file; only the digits read by someone you know prove it is theirs.</source>
        <translation>请给该工作台的操作员打电话：由对方念出其工作台显示的指纹（文件 &gt; 本工作台的登记申请），您在下面输入。任何人都能写出登记申请文件；只有您认识的人念出的数字，才能证明它确实是对方的。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="190"/>
        <source>Request:</source>
        <translation>登记申请：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="192"/>
        <source>The desk says it works for:</source>
        <translation>申请所填单位：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="195"/>
        <source>Choose the unit</source>
        <translation>请选择单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="196"/>
        <source>Enrol it for:</source>
        <translation>登记为：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="199"/>
        <source>Fingerprint read over the phone:</source>
        <translation>电话中念出的指纹：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="208"/>
        <source>&amp;Enrol</source>
        <translation>登记(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="232"/>
        <source>Choose the unit this desk is enrolled for.</source>
        <translation>请选择该工作台登记所属的单位。</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="21"/>
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="21"/>
        <source>New enterprise</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="24"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="26"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="28"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="30"/>
        <source>Industry</source>
        <translation>行业类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="34"/>
        <source>Risk grade</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="39"/>
        <source>Status</source>
        <translation>经营状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="42"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="46"/>
        <source>Legal representative&apos;s ID number</source>
        <translation>法定代表人身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="52"/>
        <source>Security contact (治安保卫负责人)</source>
        <translation>治安保卫负责人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="57"/>
        <source>Security contact&apos;s phone</source>
        <translation>治安保卫负责人电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="59"/>
        <source>Employees</source>
        <translation>从业人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="61"/>
        <source>Registered on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="65"/>
        <source>Visit every (days)</source>
        <translation>走访周期（天）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="67"/>
        <source>(by risk grade)</source>
        <translation>（按风险等级）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="68"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="101"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/enterprise_dialog.py" line="103"/>
        <source>This grid cell already has: {names}. Save “{name}” as another enterprise all the same?</source>
        <translation>本网格已有：{names}。仍要把“{name}”另行登记为一家单位吗？</translation>
    </message>
</context>
<context>
    <name>EnterpriseHistory</name>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="26"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="27"/>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="36"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="28"/>
        <source>Officers</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="29"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="30"/>
        <source>What was done</source>
        <translation>走访内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="35"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="37"/>
        <source>Description</source>
        <translation>情况描述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="39"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="41"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="51"/>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="57"/>
        <source>Visit history</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="52"/>
        <location filename="../../desktop/ui/pages/enterprise_history.py" line="58"/>
        <source>Open items</source>
        <translation>未销号事项</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="45"/>
        <source>Filter by name, pinyin initials or part of the credit code</source>
        <translation>按名称、拼音首字母或部分信用代码筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="50"/>
        <source>Key industries only</source>
        <translation>只看重点行业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="51"/>
        <source>&amp;New enterprise…</source>
        <translation>新建单位(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="53"/>
        <source>Select a grid cell in the tree to register in it</source>
        <translation>请先在左侧选中一个网格，再在其中登记单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="55"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="54"/>
        <source>&amp;Modify…</source>
        <translation>修改(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="56"/>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="81"/>
        <source>&amp;Record a visit…</source>
        <translation>记录走访(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="75"/>
        <source>Enterprises</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="104"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="105"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="106"/>
        <source>Industry</source>
        <translation>行业类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="108"/>
        <source>Key industry</source>
        <translation>重点行业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="109"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="109"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="111"/>
        <source>Risk grade</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="112"/>
        <source>Status</source>
        <translation>经营状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="113"/>
        <source>Grid cell</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="114"/>
        <source>Security contact</source>
        <translation>治安保卫负责人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="115"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="117"/>
        <source>Next visit due</source>
        <translation>下次应走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="124"/>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="125"/>
        <source>All risk grades</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="126"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="127"/>
        <source>All community officers</source>
        <translation>全部社区民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/enterprises_page.py" line="199"/>
        <source>Delete enterprise</source>
        <translation>删除单位</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="47"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="53"/>
        <source>Something went wrong</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="54"/>
        <source>Sorry, the program met an error it did not expect. Your saved work is safe.
The details are in {log}; please send that file to your administrator.</source>
        <translation>抱歉，程序遇到了意外错误。已保存的数据不受影响。
详细信息记录在 {log}，请把该文件发给系统管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="74"/>
        <source>What changed meanwhile:</source>
        <translation>期间的修改：</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="38"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="39"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="40"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="41"/>
        <source>As here</source>
        <translation>与本机相同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="42"/>
        <source>Older than here</source>
        <translation>比本机旧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="43"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>ExchangeWork</name>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="73"/>
        <source>{n} data conflicts wait for a choice: File &gt; Data conflicts.</source>
        <translation>有 {n} 处数据冲突待您选择：文件 &gt; 数据冲突。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="105"/>
        <source>Data packages (*{suffix})</source>
        <translation>数据包 (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="115"/>
        <source>data package {day}</source>
        <translation>数据包 {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="118"/>
        <source>Write a data package</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="125"/>
        <source>Writing the data package…</source>
        <translation>正在写数据包…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="131"/>
        <source>Data package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="133"/>
        <source>{path}: package {sequence} of this desk, {n} records changed since the last one. Take it to the other desk and import it there.</source>
        <translation>{path}：本机第 {sequence} 号数据包，自上一个以来变动的 {n} 条记录。请带到对方电脑上导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="147"/>
        <location filename="../../desktop/ui/work/exchange.py" line="275"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="149"/>
        <source>Import a data package</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="185"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="206"/>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="270"/>
        <source>Enrolment requests (*{suffix} *.json)</source>
        <translation>登记申请 (*{suffix} *.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="273"/>
        <source>Enrol a desk: its request</source>
        <translation>登记工作台：选择其登记申请</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="291"/>
        <source>Enrol a desk</source>
        <translation>登记工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exchange.py" line="293"/>
        <source>Enrolled the desk of {unit}: its packages are taken from now on, within {unit}, and this desk&apos;s next packages are sealed for it too.</source>
        <translation>已登记{unit}的工作台：今后在{unit}范围内接收它的数据包，本机以后的数据包也会为它加密。</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <location filename="../../desktop/ui/work/exporting.py" line="27"/>
        <source>{done} of {total} rows written</source>
        <translation>已写入 {done} 行，共 {total} 行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/exporting.py" line="30"/>
        <source>{done} rows written</source>
        <translation>已写入 {done} 行</translation>
    </message>
</context>
<context>
    <name>FindingRowEditor</name>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_rows.py" line="73"/>
        <source>What was found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_rows.py" line="75"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_rows.py" line="78"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
</context>
<context>
    <name>FindingStepDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/finding_step_dialog.py" line="39"/>
        <source>Follow up</source>
        <translation>跟踪整改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/finding_step_dialog.py" line="45"/>
        <source>Deadline {due}, responsible {who}, now: {status}</source>
        <translation>整改期限 {due}，责任人 {who}，当前：{status}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/finding_step_dialog.py" line="55"/>
        <source>So far</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/finding_step_dialog.py" line="63"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/finding_step_dialog.py" line="65"/>
        <source>Date</source>
        <translation>办理日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/finding_step_dialog.py" line="69"/>
        <source>Officer</source>
        <translation>经办民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/finding_step_dialog.py" line="70"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="30"/>
        <source>Enterprise or description</source>
        <translation>单位或情况描述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="37"/>
        <source>Fo&amp;llow up…</source>
        <translation>跟踪整改(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="49"/>
        <source>Hazards and unstable factors</source>
        <translation>隐患与不稳定因素</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="59"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="60"/>
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="61"/>
        <source>Grid cell</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="62"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="63"/>
        <source>Description</source>
        <translation>情况描述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="64"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="65"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="66"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="71"/>
        <source>Hazards and factors</source>
        <translation>隐患与不稳定因素</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="72"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="77"/>
        <source>Not closed</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="78"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="82"/>
        <source>Any deadline</source>
        <translation>全部期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="83"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="84"/>
        <source>Due within three days</source>
        <translation>三日内到期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/findings_page.py" line="88"/>
        <source>All community officers</source>
        <translation>全部社区民警</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="194"/>
        <source>Set up the administrator</source>
        <translation>设置系统管理员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="198"/>
        <source>This database has no users yet. Choose the administrator&apos;s user name and password: the administrator then adds the clerks, officers and leaders.</source>
        <translation>此数据库还没有用户。请设置系统管理员的用户名和密码，之后由管理员添加内勤、民警和领导账号。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="204"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="205"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="206"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="207"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="213"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FirstPackageDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="256"/>
        <source>A desk not enrolled here</source>
        <translation>未在本机登记的工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="262"/>
        <source>{file} is signed by a desk that is not enrolled here. If it is the sub-bureau&apos;s first package, call the sub-bureau: their administrator reads out their desk&apos;s fingerprint (File &gt; Enrolled desks shows it). Type the digits they read: the package is taken, and their desk enrolled here, only if they match. A station&apos;s desk is never enrolled this way, only from its request.</source>
        <translation>{file} 由未在本机登记的工作台签名。如果这是分局的第一个数据包，请给分局打电话：由分局管理员念出其工作台的指纹（在“文件 &gt; 已登记的工作台”中显示）。请输入对方念出的数字：只有数字一致，才接收该数据包并在本机登记分局的工作台。派出所的工作台不能这样登记，只能凭其登记申请登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="274"/>
        <source>Fingerprint read over the phone:</source>
        <translation>电话中念出的指纹：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="280"/>
        <source>&amp;Check the package</source>
        <translation>检查数据包(&amp;C)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/form.py" line="116"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/form.py" line="206"/>
        <source>Discard what you have typed?</source>
        <translation>放弃已输入的内容？</translation>
    </message>
</context>
<context>
    <name>GridDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="20"/>
        <source>Grid cell</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="20"/>
        <source>New grid cell</source>
        <translation>新建网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="30"/>
        <source>Grid code</source>
        <translation>网格编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="32"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="34"/>
        <source>Boundaries (四至)</source>
        <translation>四至范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="36"/>
        <source>Area (km²)</source>
        <translation>面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="37"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="38"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="39"/>
        <source>(not assigned)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="42"/>
        <source>Community officer</source>
        <translation>社区民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="48"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="50"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="52"/>
        <source>Boundary coordinates (GeoJSON)</source>
        <translation>边界坐标（GeoJSON）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/grid_dialog.py" line="67"/>
        <source>{name} (left, or not of this station)</source>
        <translation>{name}（已离岗或不属本所）</translation>
    </message>
</context>
<context>
    <name>GridsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="20"/>
        <source>Filter by code or name</source>
        <translation>按编码或名称筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="22"/>
        <source>&amp;Modify…</source>
        <translation>修改(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="30"/>
        <source>Grid cells</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="36"/>
        <source>Grid code</source>
        <translation>网格编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="37"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="38"/>
        <source>Station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="39"/>
        <source>Office</source>
        <translation>警务室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="40"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="41"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="42"/>
        <source>Community officer</source>
        <translation>社区民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/grids_page.py" line="43"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="64"/>
        <source>Help</source>
        <translation>使用帮助</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="74"/>
        <source>Columns (change one if it was guessed wrong)</source>
        <translation>列对应关系（识别有误可在此更改）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="82"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="97"/>
        <source>&amp;Save the list of problems…</source>
        <translation>保存问题清单(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="101"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="108"/>
        <source>The first rows as read:</source>
        <translation>读入的前几行：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="122"/>
        <source>{rows} rows read: {new} new, {updated} to update, {unchanged} as on file; {bad} rows cannot be imported.</source>
        <translation>读取 {rows} 行：新增 {new}，更新 {updated}，与现有记录相同 {unchanged}；{bad} 行无法导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="139"/>
        <source>&amp;Import {n} records</source>
        <translation>导入 {n} 条记录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="152"/>
        <source>Save the list of problems</source>
        <translation>保存问题清单</translation>
    </message>
</context>
<context>
    <name>JurisdictionModel</name>
    <message>
        <location filename="../../desktop/ui/models/jurisdiction_model.py" line="138"/>
        <source>Jurisdiction</source>
        <translation>辖区</translation>
    </message>
</context>
<context>
    <name>JurisdictionTree</name>
    <message>
        <location filename="../../desktop/ui/widgets/jurisdiction_tree.py" line="185"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/jurisdiction_tree.py" line="186"/>
        <source>Move “{name}” to the recycle bin? It can be restored from there.</source>
        <translation>把“{name}”移入回收站吗？之后可以从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/jurisdiction_tree.py" line="249"/>
        <source>Assign again</source>
        <translation>请重新指定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/jurisdiction_tree.py" line="251"/>
        <source>These grid cells lost their community officer or grid worker, who belong elsewhere now: {codes}. Assign people of their station in each grid cell&apos;s form.</source>
        <translation>以下网格的社区民警或网格员已不属于该网格所在的派出所，已解除：{codes}。请在网格表单中重新指定本所人员。</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../desktop/ui/models/labels.py" line="10"/>
        <source>Sub-bureau</source>
        <translation>分局</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/labels.py" line="11"/>
        <source>Police station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/labels.py" line="12"/>
        <source>Community police office</source>
        <translation>社区警务室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/labels.py" line="13"/>
        <source>Grid cell</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/labels.py" line="14"/>
        <source>Officer</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/labels.py" line="15"/>
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/labels.py" line="16"/>
        <source>Visit</source>
        <translation>走访记录</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="53"/>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="132"/>
        <source>Export a ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="62"/>
        <source>Phone and ID numbers in full</source>
        <translation>显示完整的电话和身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="65"/>
        <source>Masked unless ticked: a ledger leaves the desk on paper.</source>
        <translation>不勾选则隐去部分号码：台账会打印带出。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="70"/>
        <source>A sheet for each station</source>
        <translation>每个派出所一张工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="77"/>
        <source>A wide register goes on A3, so that it prints at 9 pt or more.</source>
        <translation>较宽的台账用 A3 纸打印，字号不小于 9 磅。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="82"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="88"/>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="89"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="90"/>
        <source>Period</source>
        <translation>统计时段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="92"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="94"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="95"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="99"/>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="140"/>
        <source>Choose the file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/ledger_dialog.py" line="144"/>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
</context>
<context>
    <name>LedgerWork</name>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="54"/>
        <source>Writing the ledger…</source>
        <translation>正在写入台账…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="72"/>
        <source>Export a ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="73"/>
        <source>{n} rows written to {path}.</source>
        <translation>{n} 行已写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="80"/>
        <source>Import enterprises</source>
        <translation>导入单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="83"/>
        <source>Import officers</source>
        <translation>导入人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="86"/>
        <source>Import visits</source>
        <translation>导入走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="97"/>
        <source>Import grid boundaries</source>
        <translation>导入网格边界</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="99"/>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="106"/>
        <source>{n} grid cells have their boundary now.</source>
        <translation>已为 {n} 个网格写入边界。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="104"/>
        <location filename="../../desktop/ui/work/ledger.py" line="126"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="120"/>
        <source>Workbooks and CSV files (*.xlsx *.xlsm *.csv *.txt);;All files (*)</source>
        <translation>Excel 工作簿和 CSV 文件 (*.xlsx *.xlsm *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="147"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/ledger.py" line="151"/>
        <source>{n} records imported from {file}.</source>
        <translation>已从 {file} 导入 {n} 条记录。</translation>
    </message>
</context>
<context>
    <name>ListMenu</name>
    <message>
        <location filename="../../desktop/ui/widgets/list_menu.py" line="112"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_menu.py" line="121"/>
        <source>&amp;Modify…</source>
        <translation>修改(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_menu.py" line="131"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_menu.py" line="139"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_menu.py" line="146"/>
        <source>E&amp;xport the selection…</source>
        <translation>导出所选(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_menu.py" line="192"/>
        <source>Export the selection</source>
        <translation>导出所选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_menu.py" line="197"/>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_menu.py" line="209"/>
        <source>{n} rows written to {path}.</source>
        <translation>已将 {n} 行写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_menu.py" line="281"/>
        <source>{n} rows shown; scroll for more</source>
        <translation>已显示 {n} 条，向下滚动查看更多</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_menu.py" line="286"/>
        <source>{n} rows</source>
        <translation>共 {n} 条</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/ui/lock_screen.py" line="41"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock_screen.py" line="48"/>
        <source>The desk is locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock_screen.py" line="50"/>
        <source>Logged in: {user}</source>
        <translation>当前用户：{user}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock_screen.py" line="54"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock_screen.py" line="59"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock_screen.py" line="61"/>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock_screen.py" line="74"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="57"/>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="62"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="64"/>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="68"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="69"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="51"/>
        <location filename="../../desktop/ui/main_window.py" line="340"/>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="121"/>
        <location filename="../../desktop/i18n.py" line="116"/>
        <source>Community Policing Desk</source>
        <translation>社区警务工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/start.py" line="44"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="85"/>
        <location filename="../../desktop/ui/main_window.py" line="154"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/start.py" line="52"/>
        <source>No units yet. &lt;a href=&apos;new&apos;&gt;New sub-bureau…&lt;/a&gt; (Edit &gt; New sub-bureau), then its stations, offices and grid cells under it.</source>
        <translation>还没有任何单位。&lt;a href=&apos;new&apos;&gt;新建分局…&lt;/a&gt;（编辑 → 新建分局），再在其下建派出所、警务室和网格。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="155"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="156"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="157"/>
        <source>Grid cells</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="158"/>
        <source>Enterprises</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="159"/>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="160"/>
        <source>Visit reminders</source>
        <translation>走访提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="161"/>
        <source>Hazards and unstable factors</source>
        <translation>隐患与不稳定因素</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="162"/>
        <source>Patrol</source>
        <translation>巡逻</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="163"/>
        <source>Roster</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="164"/>
        <source>Officers</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="184"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="197"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="204"/>
        <source>Default hazard dead&amp;lines…</source>
        <translation>默认整改期限(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="206"/>
        <source>The deadline the visit form proposes for each kind of hazard</source>
        <translation>走访表单为各类隐患预填的整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="208"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="210"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="211"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="215"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="286"/>
        <source>Only an administrator of the whole sub-bureau may restore a backup.</source>
        <translation>只有整个分局的管理员才能从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="290"/>
        <source>New &amp;station…</source>
        <translation>新建派出所(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="291"/>
        <source>New community police &amp;office…</source>
        <translation>新建社区警务室(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="292"/>
        <source>New &amp;grid cell…</source>
        <translation>新建网格(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="294"/>
        <source>&amp;New under the selection…</source>
        <translation>在所选节点下新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/start.py" line="70"/>
        <source>Log in again…</source>
        <translation>再次登录…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/database.py" line="81"/>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="422"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/start.py" line="123"/>
        <source>Empty database</source>
        <translation>空数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/start.py" line="124"/>
        <source>This database holds no jurisdiction yet. Open a generated demo jurisdiction to look around, or start with your own sub-bureau?</source>
        <translation>这个数据库还没有辖区数据。要打开生成的演示辖区看看，还是从建立自己的分局开始？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/start.py" line="133"/>
        <source>Open the demo</source>
        <translation>打开演示辖区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/start.py" line="137"/>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/start.py" line="151"/>
        <source>Generating the demo jurisdiction…</source>
        <translation>正在生成演示辖区…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/database.py" line="36"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/database.py" line="38"/>
        <source>Desk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>工作台数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/database.py" line="60"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/database.py" line="61"/>
        <source>Saved: the program opens {name} when it starts. Open it in this window now?</source>
        <translation>已保存：程序启动时将打开 {name}。现在就在本窗口打开吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="465"/>
        <source>Scope: {name}</source>
        <translation>当前范围：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="467"/>
        <source>Scope: all units</source>
        <translation>当前范围：全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/start.py" line="162"/>
        <source>No database is open. Open one with File &gt; Open database…, or open the same one again to log in.</source>
        <translation>没有打开数据库。请用 文件 → 打开数据库… 打开一个；再次打开同一个数据库即可重新登录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/start.py" line="167"/>
        <source>Log in to open the database.</source>
        <translation>请登录以打开数据库。</translation>
    </message>
</context>
<context>
    <name>MapImageDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/map_image_dialog.py" line="23"/>
        <source>Map image underneath</source>
        <translation>底图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/map_image_dialog.py" line="26"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/map_image_dialog.py" line="33"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/map_image_dialog.py" line="36"/>
        <source>Pixel x</source>
        <translation>像素 x</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/map_image_dialog.py" line="36"/>
        <source>Pixel y</source>
        <translation>像素 y</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/map_image_dialog.py" line="36"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/map_image_dialog.py" line="36"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/map_image_dialog.py" line="40"/>
        <source>Point {n}: {what}</source>
        <translation>参照点 {n}：{what}</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="324"/>
        <source>none overdue</source>
        <translation>无逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="325"/>
        <source>up to a fifth overdue</source>
        <translation>逾期不超过五分之一</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="326"/>
        <source>more overdue</source>
        <translation>逾期较多</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="334"/>
        <source>Map &amp;image underneath…</source>
        <translation>底图(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="337"/>
        <source>&amp;Whole area</source>
        <translation>全图(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="390"/>
        <source>No grid cell here has a boundary yet: import them from GeoJSON.</source>
        <translation>这里的网格还没有边界：请从 GeoJSON 导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="395"/>
        <source>{name}: {cells} grid cells, {total} enterprises, {late} overdue</source>
        <translation>{name}：{cells} 个网格，单位 {total} 家，其中 {late} 家逾期未走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="400"/>
        <source>{name}: {drawn} of {cells} grid cells have a boundary and are drawn, holding {shown} of {total} enterprises, {late} overdue</source>
        <translation>{name}：已画出边界的网格 {drawn} 个 / 共 {cells} 个，其中单位 {shown} 家 / 共 {total} 家，{late} 家逾期未走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="412"/>
        <source>{code} {name}
{late} of {n} enterprises overdue</source>
        <translation>{code} {name}
{n} 家单位中 {late} 家逾期</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/domain/geo.py" line="11"/>
        <source>The boundary must be a GeoJSON Polygon or MultiPolygon with longitude/latitude pairs.</source>
        <translation>边界须为 GeoJSON 的 Polygon 或 MultiPolygon，坐标为经度、纬度。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/geo.py" line="57"/>
        <source>The two reference points must differ both across and up and down, on the image and on the ground.</source>
        <translation>两个参照点在图上和实地都必须横向、纵向各不相同。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/messages.py" line="115"/>
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的字段。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/credit_code.py" line="34"/>
        <source>A unified social credit code has 18 characters; this one has {n}.</source>
        <translation>统一社会信用代码为 18 位，这里是 {n} 位。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/credit_code.py" line="38"/>
        <source>A unified social credit code holds digits and capital letters other than I, O, S, V and Z.</source>
        <translation>统一社会信用代码由数字和除 I、O、S、V、Z 以外的大写字母组成。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/credit_code.py" line="49"/>
        <source>The check character (the last one) does not match: a character was mistyped.</source>
        <translation>校验码（最后一位）不符，可能有字符输错。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/credit_code.py" line="54"/>
        <source>This is not a valid unified social credit code.</source>
        <translation>这不是有效的统一社会信用代码。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/checks.py" line="33"/>
        <source>{file} is damaged or incomplete (the {kind} “{name}”, field {field}: {detail}). Nothing was imported; ask for the package again.</source>
        <translation>{file} 已损坏或不完整（{kind}“{name}”，字段 {field}：{detail}）。未导入任何数据；请重新索取数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/checks.py" line="38"/>
        <source>The {kind} “{name}” in {file} breaks a rule of its form, field {field}: {problem} Nothing was imported.</source>
        <translation>{file} 中的{kind}“{name}”不符合表单规则，字段 {field}：{problem} 未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/checks.py" line="43"/>
        <source>Correct the record at the desk that wrote the package, and ask it for a new one.</source>
        <translation>请在制作该数据包的工作台上更正这条记录，再请它重新制作数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/checks.py" line="47"/>
        <source>Give a number from {low} to {high}.</source>
        <translation>请填写 {low} 到 {high} 之间的数。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/checks.py" line="48"/>
        <location filename="../../desktop/services/imports/enterprise_rows.py" line="198"/>
        <location filename="../../desktop/services/imports/officer_rows.py" line="156"/>
        <location filename="../../desktop/services/imports/visit_rows.py" line="199"/>
        <location filename="../../desktop/services/accounts/users.py" line="274"/>
        <location filename="../../desktop/domain/validation.py" line="26"/>
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/checks.py" line="49"/>
        <source>The last day comes before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="66"/>
        <source>Wrong user name or password, or the account is locked or disabled.</source>
        <translation>用户名或密码错误，或账号已锁定、已停用。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="69"/>
        <source>{n} wrong passwords in a row lock an account for {minutes} minutes; an administrator can unlock it.</source>
        <translation>连续 {n} 次密码错误将锁定账号 {minutes} 分钟；管理员可以解锁。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="103"/>
        <source>2 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>用户名为 2 至 32 位字母、数字、点、连字符或下划线，以字母或数字开头。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="132"/>
        <source>At least {n} characters.</source>
        <translation>至少 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="134"/>
        <location filename="../../desktop/domain/validation.py" line="62"/>
        <location filename="../../desktop/domain/validation.py" line="70"/>
        <location filename="../../desktop/domain/validation.py" line="88"/>
        <source>At most {n} characters.</source>
        <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="138"/>
        <source>Use at least {n} of: capital letters, small letters, digits and symbols.</source>
        <translation>须包含大写字母、小写字母、数字、符号中的至少 {n} 种。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="144"/>
        <source>The password must not be the user name, nor the user name reversed.</source>
        <translation>密码不能是用户名，也不能是倒写的用户名。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="148"/>
        <source>This password is among the most common ones; choose another.</source>
        <translation>这是最常见的密码之一，请另选一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="136"/>
        <source>The password holds invisible characters.</source>
        <translation>密码中含有不可见字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/validation.py" line="102"/>
        <source>Not a phone number: give an 11-digit mobile number (13x–19x) or a landline with its area code, e.g. 0571-87654321.</source>
        <translation>不是有效的电话号码：请填写 11 位手机号（13x–19x 开头），或带区号的固定电话，如 0571-87654321。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/validation.py" line="118"/>
        <source>A grid code has 14 digits: the 6-digit area code, 3 for the street, 3 for the community and a 2-digit sequence from 01, e.g. 33010600100101.</source>
        <translation>网格编码为 14 位数字：6 位行政区划代码、3 位街道码、3 位社区码和从 01 起的 2 位顺序码，如 33010600100101。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/validation.py" line="132"/>
        <source>A police officer needs a badge number.</source>
        <translation>民警须填写警号。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/validation.py" line="136"/>
        <source>A badge number has 6 digits.</source>
        <translation>警号为 6 位数字。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/validation.py" line="145"/>
        <source>Give a number from 0 to {maximum}.</source>
        <translation>请填写 0 到 {maximum} 之间的数。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/validation.py" line="154"/>
        <source>Give an area from 0 to 100000 km².</source>
        <translation>面积应在 0 到 100000 平方公里之间。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/validation.py" line="161"/>
        <source>An office receives the public on at least two days a week.</source>
        <translation>警务室每周至少有两天接待群众。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/checks.py" line="46"/>
        <location filename="../../desktop/services/maintenance/connection.py" line="115"/>
        <location filename="../../desktop/domain/validation.py" line="175"/>
        <source>Choose one of the listed values.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/generator.py" line="316"/>
        <source>Unknown scale {scale}.</source>
        <translation>未知的规模 {scale}。</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/generator.py" line="378"/>
        <source>The database already holds a jurisdiction; the demo needs an empty one. Give another file with --database.</source>
        <translation>该数据库已有辖区数据，演示数据只能生成到空数据库。请用 --database 指定另一个文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/grids.py" line="76"/>
        <source>This person is not an active officer.</source>
        <translation>此人不是在岗人员。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/grids.py" line="78"/>
        <source>This person is of the wrong kind here.</source>
        <translation>此人的人员类别不符合要求。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/grids.py" line="80"/>
        <source>This person belongs to another station.</source>
        <translation>此人属于其他派出所。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/grids.py" line="107"/>
        <source>Another grid cell has this code.</source>
        <translation>已有其他网格使用这个编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/hierarchy.py" line="56"/>
        <source>Cannot delete “{name}”: {n} stations still belong to it. Move or delete them first.</source>
        <translation>不能删除“{name}”：下面还有 {n} 个派出所。请先移走或删除它们。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/hierarchy.py" line="65"/>
        <location filename="../../desktop/services/jurisdiction/hierarchy.py" line="85"/>
        <location filename="../../desktop/services/jurisdiction/hierarchy.py" line="105"/>
        <source>Cannot delete “{name}”: {n} officers still belong to it. Move or delete them first.</source>
        <translation>不能删除“{name}”：还有 {n} 名人员属于该单位。请先调走或删除他们。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/hierarchy.py" line="76"/>
        <source>Cannot delete “{name}”: {n} community police offices still belong to it. Move or delete them first.</source>
        <translation>不能删除“{name}”：下面还有 {n} 个社区警务室。请先移走或删除它们。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/hierarchy.py" line="96"/>
        <source>Cannot delete “{name}”: {n} grid cells still belong to it. Move or delete them first.</source>
        <translation>不能删除“{name}”：下面还有 {n} 个网格。请先移走或删除它们。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/hierarchy.py" line="116"/>
        <source>Cannot delete “{name}”: {n} enterprises are registered in it. Move or delete them first.</source>
        <translation>不能删除“{name}”：其中还登记有 {n} 家单位。请先移走或删除它们。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/hierarchy.py" line="212"/>
        <source>This cannot be moved there: a station goes under a sub-bureau, an office under a station, a grid cell under an office.</source>
        <translation>不能移到那里：派出所只能在分局下，警务室只能在派出所下，网格只能在警务室下。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/findings.py" line="176"/>
        <location filename="../../desktop/services/register/enterprises.py" line="129"/>
        <source>This date is in the future.</source>
        <translation>这个日期还没到。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/enterprises.py" line="325"/>
        <source>Cannot delete “{name}”: {n} visits are on record for it. Set its status to 注销 instead.</source>
        <translation>不能删除“{name}”：已有 {n} 条走访记录。请将其状态改为注销。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/cadence.py" line="56"/>
        <location filename="../../desktop/services/register/enterprises.py" line="133"/>
        <source>Give a number of days from 1 to 366.</source>
        <translation>请填写 1 到 366 之间的天数。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/enterprises.py" line="190"/>
        <source>Another enterprise is registered with this credit code.</source>
        <translation>已有其他单位使用这个统一社会信用代码登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/records.py" line="118"/>
        <location filename="../../desktop/services/register/visits.py" line="261"/>
        <source>Restore “{parent}” first: “{name}” belongs to it.</source>
        <translation>请先恢复“{parent}”：“{name}”属于它。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/records.py" line="129"/>
        <source>Cannot restore “{name}”: its code {code} is now used by another record.</source>
        <translation>不能恢复“{name}”：它的编号 {code} 已被其他记录使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="20"/>
        <source>SQLite integrity check: {detail}</source>
        <translation>SQLite 完整性检查：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="21"/>
        <source>Broken reference: {table} row {row} → {parent}</source>
        <translation>引用失效：{table} 第 {row} 行 → {parent}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="35"/>
        <source>Station “{name}” is live but its sub-bureau is deleted.</source>
        <translation>派出所“{name}”在用，但其所属分局已删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="40"/>
        <source>Office “{name}” is live but its station is deleted.</source>
        <translation>警务室“{name}”在用，但其所属派出所已删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="45"/>
        <source>Grid cell {name} is live but its office is deleted.</source>
        <translation>网格 {name} 在用，但其所属警务室已删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="50"/>
        <source>Officer “{name}”: the station does not match the office.</source>
        <translation>人员“{name}”：所属派出所与警务室不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="55"/>
        <source>Officer “{name}”: the sub-bureau does not match the station.</source>
        <translation>人员“{name}”：所属分局与派出所不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="63"/>
        <source>Enterprise “{name}”: its unit path does not match its grid cell.</source>
        <translation>单位“{name}”：所属单位路径与所在网格不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="69"/>
        <source>Grid cell {name}: the community officer is not an active officer of its station.</source>
        <translation>网格 {name}：社区民警不是本所在岗民警。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="76"/>
        <source>Grid cell {name}: the grid worker is not an active member of its station.</source>
        <translation>网格 {name}：网格员不是本所在岗人员。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/checks.py" line="147"/>
        <source>A database server is backed up by its administrator (pg_dump), not from the desk.</source>
        <translation>数据库服务器由管理员备份（pg_dump），不能在工作台上备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/restores.py" line="27"/>
        <source>Only an administrator of the whole sub-bureau may restore a backup: it replaces every station&apos;s records.</source>
        <translation>只有整个分局的管理员才能从备份恢复：恢复会替换所有派出所的记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/restores.py" line="32"/>
        <source>A database server is restored by its administrator, not from the desk.</source>
        <translation>数据库服务器由管理员恢复，不能在工作台上恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/restores.py" line="35"/>
        <source>{path} holds a whole database; log in to it as an administrator of the whole sub-bureau to restore a backup in its place.</source>
        <translation>{path} 中已有完整的数据库；请以整个分局的管理员身份登录后再用备份替换它。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/restores.py" line="40"/>
        <source>The backup {path} is of another desk ({theirs}), not of this one ({ours}); it was not restored.</source>
        <translation>备份 {path} 属于另一个工作台（{theirs}），不是本工作台（{ours}）的，未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/restores.py" line="45"/>
        <source>To move a desk to a new computer, restore its backup there before entering anything.</source>
        <translation>要把工作台搬到新电脑上，请在新电脑上录入任何内容之前先恢复它的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/restores.py" line="49"/>
        <source>The backup {path} fails the program&apos;s own check ({detail}); it was not restored.</source>
        <translation>备份 {path} 未通过程序自身的检查（{detail}），未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/restores.py" line="52"/>
        <source>In the backup {path} the account “{user}” has a role or a jurisdiction that no entry of its audit trail gave it: the file was altered outside the program. It was not restored.</source>
        <translation>备份 {path} 中账户“{user}”的角色或辖区在其审计日志中没有来由：文件在程序之外被改动过。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/restores.py" line="57"/>
        <source>a desk without a name</source>
        <translation>未命名的工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/officers.py" line="104"/>
        <source>Choose the sub-bureau, station or office the officer belongs to.</source>
        <translation>请选择人员所属的分局、派出所或警务室。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/officers.py" line="150"/>
        <source>Another officer has this badge number.</source>
        <translation>已有其他人员使用这个警号。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/officers.py" line="154"/>
        <source>Another officer has this ID number.</source>
        <translation>已有其他人员使用此身份证号。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/officers.py" line="166"/>
        <source>“{name}” is responsible for {n} grid cells, so cannot be made inactive or move to another station. Assign someone else there first.</source>
        <translation>“{name}”负责 {n} 个网格，不能设为不在岗或调到其他派出所。请先给这些网格另行指定负责人。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/officers.py" line="184"/>
        <source>Cannot delete “{name}”: assigned to {n} grid cells. Assign someone else there first.</source>
        <translation>不能删除“{name}”：此人负责 {n} 个网格。请先给这些网格另行指定负责人。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/messages.py" line="25"/>
        <source>The record no longer exists; it may have been deleted meanwhile.</source>
        <translation>该记录已不存在，可能刚被他人删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/records.py" line="45"/>
        <source>The record is not in the recycle bin any more.</source>
        <translation>该记录已不在回收站中。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/messages.py" line="28"/>
        <source>Someone else changed this record after you opened it. Close the form and open it again to see their changes.</source>
        <translation>在您打开之后，已有他人修改了这条记录。请关闭表单后重新打开，查看对方的修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/tasks.py" line="17"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/jurisdiction/units.py" line="114"/>
        <source>Another station already has this code.</source>
        <translation>已有其他派出所使用这个代码。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/backup.py" line="47"/>
        <source>The backup to {path} failed: {detail}</source>
        <translation>备份到 {path} 失败：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="9"/>
        <source>Restore the latest backup (policedesk restore FILE, or File &gt; Restore) or choose another database with --database.</source>
        <translation>请恢复最近的备份（命令 policedesk restore 文件，或菜单“文件 &gt; 从备份恢复”），或用 --database 选择其他数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="23"/>
        <source>{path} is not a police desk database.</source>
        <translation>{path} 不是社区警务工作台的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="32"/>
        <source>The database {path} is damaged ({detail}).</source>
        <translation>数据库 {path} 已损坏（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="42"/>
        <source>The database {path} is locked by another program.</source>
        <translation>数据库 {path} 正被其他程序锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="43"/>
        <source>Close the other program (or the other copy of this one) and try again.</source>
        <translation>请关闭那个程序（或本程序的另一个窗口）后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="53"/>
        <source>The database {path} was written by a newer version of this program (schema {revision}). It was not changed.</source>
        <translation>数据库 {path} 由本程序的更新版本写入（结构版本 {revision}），未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="58"/>
        <source>Install the newer version of the program to open it.</source>
        <translation>请安装新版程序后再打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="67"/>
        <source>Cannot open the database {path}: {detail}</source>
        <translation>无法打开数据库 {path}：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="68"/>
        <source>Check the path or server address, and that you may write there.</source>
        <translation>请检查路径或服务器地址，以及是否有写入权限。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="79"/>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="80"/>
        <source>Check the path, or create one with: policedesk migrate --database PATH</source>
        <translation>请检查路径，或用以下命令新建：policedesk migrate --database 路径</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="97"/>
        <source>The disk is full: nothing was written.</source>
        <translation>磁盘已满：没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="98"/>
        <source>Free some space on the disk (old ledgers, downloads) and try again.</source>
        <translation>请清理磁盘空间（旧台账、下载的文件等）后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="110"/>
        <source>The database refused the action ({detail}).</source>
        <translation>数据库拒绝了此操作（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="111"/>
        <source>Nothing was written. Check the database (policedesk check) and try again.</source>
        <translation>没有写入任何内容。请检查数据库（policedesk check）后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="156"/>
        <source>The database {path} is encrypted.</source>
        <translation>数据库 {path} 已加密。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="157"/>
        <source>Log in as one of its users to open it.</source>
        <translation>请以它的用户身份登录后打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="167"/>
        <source>The key file beside {path} does not belong to this database.</source>
        <translation>{path} 旁边的密钥文件不属于这个数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="170"/>
        <source>Put back the .keys file that was made with this database, or open it with its recovery key.</source>
        <translation>请放回与该数据库一同生成的 .keys 文件，或用它的恢复密钥打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="182"/>
        <source>{path} is empty: it holds no police desk database.</source>
        <translation>{path} 是空文件，其中没有警务工作台数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="183"/>
        <source>Create one with: policedesk migrate --database PATH (or open it in the program), or choose another file.</source>
        <translation>可用 policedesk migrate --database 路径 新建数据库（或在程序中打开它），或选择其他文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="198"/>
        <source>The database {path} is not complete: its schema is {revision}, this program&apos;s is {head}; tables missing: {missing}.</source>
        <translation>数据库 {path} 不完整：其结构版本为 {revision}，本程序为 {head}；缺少的表：{missing}。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="203"/>
        <source>Open it in the program or run policedesk migrate to finish its migrations, then check it again; if that fails, restore the latest backup.</source>
        <translation>请在程序中打开它或运行 policedesk migrate 完成升级，然后再检查；如仍失败，请恢复最近的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="48"/>
        <source>{path} is not a database backup.</source>
        <translation>{path} 不是数据库备份文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="49"/>
        <source>The backup {path} cannot be read: {detail}</source>
        <translation>无法读取备份 {path}：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="50"/>
        <source>The backup {path} is damaged and was not restored ({detail}).</source>
        <translation>备份 {path} 已损坏，未恢复（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="53"/>
        <source>The backup {path} was written by a newer version of this program; install that version to restore it.</source>
        <translation>备份 {path} 由本程序的更新版本写入，请安装该版本后再恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="58"/>
        <source>The backup {path} does not say which version of the program wrote it.</source>
        <translation>备份 {path} 没有注明是哪个版本的程序写的。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="61"/>
        <source>The backup {path} holds no data, only a version number; it was not restored.</source>
        <translation>备份 {path} 只有一个版本号，没有任何数据，未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="64"/>
        <source>The backup {path} has records that point at records it does not hold ({detail}); it was not restored.</source>
        <translation>备份 {path} 中有记录指向其中不存在的记录（{detail}），未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="71"/>
        <source>The backup {path} holds triggers the program does not know ({names}): they would run inside the program at every change. It was not restored.</source>
        <translation>备份 {path} 中有程序不认识的触发器（{names}）：它们会在程序内部随每次修改运行。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="76"/>
        <source>The backup {path} holds views the program does not know ({names}). It was not restored.</source>
        <translation>备份 {path} 中有程序不认识的视图（{names}）。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="80"/>
        <source>The backup {path} holds tables the program does not know ({names}). It was not restored.</source>
        <translation>备份 {path} 中有程序不认识的数据表（{names}）。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="84"/>
        <source>The backup {path} holds indexes the program does not know ({names}). It was not restored.</source>
        <translation>备份 {path} 中有程序不认识的索引（{names}）。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="89"/>
        <source>In the backup {path}, {names} differ from what the program makes; the file was altered outside the program. It was not restored.</source>
        <translation>备份 {path} 中的 {names} 与程序建立的不同：文件在程序之外被改动过。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="94"/>
        <source>In the backup {path} the audit trail&apos;s protection is missing ({names}): its entries could have been changed or deleted. It was not restored.</source>
        <translation>备份 {path} 中缺少审计日志的保护（{names}）：其中的记录可能已被修改或删除。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="99"/>
        <source>The backup {path} lacks parts of the program&apos;s database ({names}). It was not restored.</source>
        <translation>备份 {path} 缺少程序数据库的组成部分（{names}）。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="103"/>
        <source>Restoring {path} failed: {detail}</source>
        <translation>恢复 {path} 失败：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="104"/>
        <source>The backup {path} is not encrypted: it was made before this desk was, or outside the program. It was not restored.</source>
        <translation>备份 {path} 没有加密：它是在本工作台加密之前制作的，或是在本程序之外制作的。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="109"/>
        <source>The backup {path} has no key file beside it ({keys}): copy the .keys file that was made with it to the same folder. It was not restored.</source>
        <translation>备份 {path} 旁边没有密钥文件（{keys}）：请把与它一同生成的 .keys 文件复制到同一文件夹。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/restore.py" line="114"/>
        <source>The backup {path} is not this desk&apos;s: it does not open with this desk&apos;s key. It was not restored.</source>
        <translation>备份 {path} 不是本工作台的：用本工作台的密钥打不开它。未恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/engine.py" line="24"/>
        <source>This clashes with a record someone else saved a moment ago (the same code or number). Nothing was saved; check and try again.</source>
        <translation>与他人刚刚保存的记录冲突（编码或号码相同）。未保存任何内容，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/engine.py" line="29"/>
        <source>The database is busy with another desk&apos;s save. Nothing was saved; try again.</source>
        <translation>数据库正忙于其他工作台的保存。未保存任何内容，请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/lock.py" line="19"/>
        <source>The database {path} is open in another window.</source>
        <translation>数据库 {path} 已在另一个窗口中打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/lock.py" line="20"/>
        <source>Switch to that window, or close it and try again.</source>
        <translation>请切换到那个窗口，或关闭它后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dates.py" line="23"/>
        <source>Write the date as 2026-03-05.</source>
        <translation>日期请写成 2026-03-05 的形式。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dates.py" line="24"/>
        <source>There is no such day: {month}/{year} has only {days} days, not {day}.</source>
        <translation>没有这一天：{year}年{month}月只有{days}天，没有{day}日。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dates.py" line="27"/>
        <source>There is no month {month}.</source>
        <translation>没有{month}月。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/findings.py" line="81"/>
        <source>The deadline cannot be before the visit.</source>
        <translation>整改期限不能早于走访日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/findings.py" line="122"/>
        <location filename="../../desktop/services/register/findings.py" line="148"/>
        <source>This item is no longer on record.</source>
        <translation>该事项已不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/findings.py" line="125"/>
        <source>This step is not possible from here.</source>
        <translation>当前状态下不能进行这一步。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/findings.py" line="128"/>
        <source>This date is before the item was found.</source>
        <translation>该日期早于发现日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/visits.py" line="83"/>
        <location filename="../../desktop/services/register/findings.py" line="183"/>
        <source>{name} is inactive and cannot be chosen.</source>
        <translation>{name} 已停用，不能选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/visits.py" line="31"/>
        <source>This enterprise is outside your jurisdiction.</source>
        <translation>该单位不在您的辖区内。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/visits.py" line="79"/>
        <source>This officer is no longer on record.</source>
        <translation>该人员已不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/visits.py" line="87"/>
        <source>{name} is named twice.</source>
        <translation>{name} 重复填写。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/visits.py" line="97"/>
        <source>This enterprise is not on record.</source>
        <translation>该单位不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/visits.py" line="108"/>
        <source>A visit cannot be in the future.</source>
        <translation>走访日期不能晚于今天（不能是未来日期）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/register/visits.py" line="116"/>
        <source>The enterprise was registered on {day}, after this date.</source>
        <translation>该单位登记于 {day}，晚于这个日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/finding_step_dialog.py" line="23"/>
        <source>Name the officer who took this step.</source>
        <translation>请填写经办民警。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="54"/>
        <source>Nobody on the list is called {names}.</source>
        <translation>名单中没有 {names}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="55"/>
        <source>Several officers are called {names}: add the badge number.</source>
        <translation>有多名人员叫 {names}，请加上警号。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="58"/>
        <source>Name one main officer; the others go along.</source>
        <translation>主办民警只填一人，其他人填在同行人员中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="59"/>
        <source>No enterprise called “{text}” was found here.</source>
        <translation>在本辖区找不到单位“{text}”，请核对名称，或输入拼音首字母、信用代码的一部分。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="60"/>
        <source>Several enterprises match “{text}”: choose one in the list (↓, then Enter).</source>
        <translation>有多个单位与“{text}”相符，请在列表中选择（按 ↓ 键选中后回车）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exports/ledgers.py" line="53"/>
        <source>The start date {start} is after the end date {end}.</source>
        <translation>开始日期 {start} 晚于结束日期 {end}。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exports/ledgers.py" line="59"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exports/commands.py" line="72"/>
        <source>No unit is called or coded {scope}.</source>
        <translation>没有名称或代码为 {scope} 的单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exports/commands.py" line="75"/>
        <source>Several units are called {scope}: give the station or grid code.</source>
        <translation>有多个单位叫 {scope}，请改用派出所或网格代码。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/access.py" line="37"/>
        <source>This is outside your jurisdiction.</source>
        <translation>超出您的辖区范围。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/access.py" line="38"/>
        <source>Your role reads and exports records; it does not change them.</source>
        <translation>您的角色只能查看和导出，不能修改记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/access.py" line="41"/>
        <source>Only an administrator may do this.</source>
        <translation>只有系统管理员才能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/users.py" line="59"/>
        <source>The administrator is already set up.</source>
        <translation>系统管理员已经设置。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/users.py" line="278"/>
        <source>Choose the unit this user works in.</source>
        <translation>请选择该用户所属的单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/users.py" line="282"/>
        <source>This user name is taken.</source>
        <translation>该用户名已被使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/users.py" line="317"/>
        <source>This is the last administrator of the whole database; keep it.</source>
        <translation>这是全库唯一的系统管理员，不能取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/users.py" line="349"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/users.py" line="356"/>
        <source>Choose a password other than the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/users.py" line="361"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/id_number.py" line="26"/>
        <source>A resident ID number has 18 characters; this one has {n}.</source>
        <translation>居民身份证号码为18位，此处为{n}位。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/id_number.py" line="30"/>
        <source>A resident ID number is 17 digits and a last digit or X.</source>
        <translation>居民身份证号码由17位数字和1位数字或X组成。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/id_number.py" line="34"/>
        <source>The check character (the last one) does not match: a digit was mistyped.</source>
        <translation>校验码（最后一位）不符：有数字输错了。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/id_number.py" line="43"/>
        <source>The region or the birth date in this ID number does not exist.</source>
        <translation>身份证号中的地区码或出生日期不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/id_number.py" line="47"/>
        <source>The birth date in this ID number is in the future.</source>
        <translation>身份证号中的出生日期晚于今天。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/sheets.py" line="40"/>
        <source>No header row was found in the first rows of {file}: it needs at least the columns {columns}.</source>
        <translation>在 {file} 的前几行中找不到表头：至少需要这几列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/sheets.py" line="44"/>
        <source>The sheet has no column for {column}.</source>
        <translation>表中没有“{column}”列。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/sheets.py" line="45"/>
        <source>{file} has changed since it was checked: nothing was imported. Check it again.</source>
        <translation>{file} 在检查之后已被修改：未导入任何记录。请重新检查。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/sheets.py" line="49"/>
        <source>The records on file changed since the sheet was checked: nothing was imported. Check it again.</source>
        <translation>检查表格之后，现有记录已有变动：未导入任何记录。请重新检查。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/sheets.py" line="54"/>
        <source>… and {n} more problems, not listed.</source>
        <translation>…… 另有 {n} 个问题未列出。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/enterprise_rows.py" line="55"/>
        <source>No grid cell in your jurisdiction is called {grid}.</source>
        <translation>辖区内没有名为“{grid}”的网格。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/enterprise_rows.py" line="56"/>
        <source>Several grid cells are called {grid}: give its 14-digit code.</source>
        <translation>有多个网格叫“{grid}”，请改填14位网格编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/cells.py" line="16"/>
        <source>{value} is not one of: {choices}.</source>
        <translation>“{value}”不在可选范围内：{choices}。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/cells.py" line="17"/>
        <source>{value} is not a name known here. Did you mean: {names}?</source>
        <translation>“{value}”不是已知的名称。您是否指：{names}？</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/enterprise_rows.py" line="59"/>
        <source>The same enterprise is on row {row} already.</source>
        <translation>与第 {row} 行是同一单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/cells.py" line="20"/>
        <source>Give a whole number.</source>
        <translation>请填写整数。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/sheets.py" line="83"/>
        <source>Importing {kind} is not in this version.</source>
        <translation>本版本尚不能导入 {kind}。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/officer_rows.py" line="53"/>
        <source>No unit in your jurisdiction is called {unit}.</source>
        <translation>辖区内没有名为“{unit}”的单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/officer_rows.py" line="54"/>
        <source>Several units are called {unit}: write the station as well (北山派出所 / …).</source>
        <translation>有多个单位叫“{unit}”，请连同派出所一起写（如 北山派出所 / …）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/officer_rows.py" line="57"/>
        <source>The same officer is on row {row} already.</source>
        <translation>与第 {row} 行是同一人员。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/visit_rows.py" line="57"/>
        <source>No enterprise in your jurisdiction is called or coded {name}.</source>
        <translation>辖区内没有名称或代码为“{name}”的单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/visit_rows.py" line="60"/>
        <source>Several enterprises are called {name}: add its credit code or its grid cell.</source>
        <translation>有多家单位叫“{name}”，请补上统一社会信用代码或所属网格。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/visit_rows.py" line="63"/>
        <source>Nobody on record is called {name}.</source>
        <translation>名单中没有“{name}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/visit_rows.py" line="64"/>
        <source>Several officers are called {name}: write the badge number instead.</source>
        <translation>有多名人员叫“{name}”，请改写警号。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/visit_rows.py" line="67"/>
        <source>The same visit is on row {row} already.</source>
        <translation>与第 {row} 行是同一次走访。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/rosters.py" line="41"/>
        <source>Write the month as 2026-12, or a week as 2026-W49.</source>
        <translation>月份请写成 2026-12，或周写成 2026-W49。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/rosters.py" line="42"/>
        <source>Choose a police station or the sub-bureau.</source>
        <translation>请选择派出所或分局。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="38"/>
        <source>The absence ends before it starts.</source>
        <translation>请假结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="39"/>
        <source>No officer of the station is of the force {force}, which this rule asks for.</source>
        <translation>本所没有该规则要求的{force}人员。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="42"/>
        <source>{shift} asks for {n} officers, but only {have} who may patrol a {tier} serve here.</source>
        <translation>{shift}要求 {n} 人，但本单位能守{tier}的只有 {have} 人。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="46"/>
        <source>A 巡线 belongs to the sub-bureau, a 巡区 to a station, a 巡点 to an office.</source>
        <translation>巡线归分局，巡区归派出所，巡点归警务室。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="49"/>
        <source>{force} does not patrol a {tier}.</source>
        <translation>{force}不负责{tier}。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="50"/>
        <source>Staff at least one shift.</source>
        <translation>请至少安排一个班次。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="51"/>
        <source>A grid cell it covers lies outside its owner&apos;s area.</source>
        <translation>所覆盖的网格不在所属单位的辖区内。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="52"/>
        <source>An office&apos;s reception desk is made with the office, and goes with it.</source>
        <translation>警务室接待岗随警务室设立和撤销，不能单独新建或删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="326"/>
        <source>Choose the officer.</source>
        <translation>请选择民警。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="328"/>
        <source>Give the first day.</source>
        <translation>请填写起始日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/deployment.py" line="330"/>
        <source>Give the last day.</source>
        <translation>请填写结束日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="27"/>
        <source>Row {row}: {text}</source>
        <translation>第 {row} 行：{text}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/shifts.py" line="30"/>
        <source>Write the time as 08:00 (24:00 for midnight at the end).</source>
        <translation>时间请写成 08:00 的形式（结束于午夜写 24:00）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/shifts.py" line="31"/>
        <source>A shift ends at another time than it starts.</source>
        <translation>班次的结束时间不能与开始时间相同。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/shifts.py" line="32"/>
        <source>{shift} overlaps {other}: one officer cannot do both.</source>
        <translation>{shift}与{other}时间重叠：同一民警无法兼顾。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/shifts.py" line="33"/>
        <source>{shift} is staffed by {unit}: take it out of the unit&apos;s staffing first.</source>
        <translation>{unit}安排了{shift}：请先从该单元的配置中去掉此班次。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/shifts.py" line="36"/>
        <source>Two shifts are called {shift}.</source>
        <translation>有两个班次都叫“{shift}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/shifts.py" line="37"/>
        <source>Give the rest between shifts as 0 to 24 hours.</source>
        <translation>两班之间的休息时间请填 0 至 24 小时。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/shifts.py" line="38"/>
        <source>Give the night shifts in a row as 1 to 31.</source>
        <translation>连续夜班数请填 1 至 31。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/shifts.py" line="113"/>
        <source>Keep at least one shift.</source>
        <translation>至少保留一个班次。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/map_image_dialog.py" line="15"/>
        <source>Give a number.</source>
        <translation>请填写数字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/map_image_dialog.py" line="16"/>
        <source>Choose an image file that exists.</source>
        <translation>请选择存在的图片文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports/grid_map.py" line="138"/>
        <source>The file is not GeoJSON with features: save it as a FeatureCollection.</source>
        <translation>文件不是含要素的 GeoJSON：请存为 FeatureCollection。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports/grid_map.py" line="141"/>
        <source>Feature {n}: no grid cell has the code {code}.</source>
        <translation>第 {n} 个要素：没有编码为 {code} 的网格。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports/grid_map.py" line="142"/>
        <source>Feature {n}: it has no grid code (a property code, grid_code or 网格编码).</source>
        <translation>第 {n} 个要素：缺少网格编码（属性 code、grid_code 或 网格编码）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports/grid_map.py" line="145"/>
        <source>Feature {n} ({code}): the boundary must be a Polygon or MultiPolygon of longitude/latitude pairs.</source>
        <translation>第 {n} 个要素（{code}）：边界须为经纬度坐标的 Polygon 或 MultiPolygon。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/checkins.py" line="41"/>
        <source>No header found: the file needs columns for the officer, the point and the time.</source>
        <translation>找不到表头：文件须有民警、巡逻点和时间三列。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/checkins.py" line="45"/>
        <source>No officer here is called {name}.</source>
        <translation>本辖区没有名为 {name} 的民警。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/checkins.py" line="46"/>
        <source>Two officers are called {name}: give the badge number.</source>
        <translation>有两名民警都叫 {name}：请填写警号。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/checkins.py" line="49"/>
        <source>No patrol unit here is called {name}.</source>
        <translation>本辖区没有名为 {name} 的巡逻单元。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/checkins.py" line="50"/>
        <source>Two patrol units here are called {name}: rename one of them first.</source>
        <translation>本辖区有两个巡逻单元都叫 {name}：请先给其中一个改名。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/checkins.py" line="53"/>
        <source>Write the time as 2026-12-01 08:05.</source>
        <translation>时间请写成 2026-12-01 08:05 的形式。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/checkins.py" line="54"/>
        <source>This cell is empty.</source>
        <translation>此格为空。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/checkins.py" line="55"/>
        <source>Nothing was imported: correct these rows first.</source>
        <translation>未导入任何记录：请先改正这些行。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/conflicts.py" line="27"/>
        <source>This conflict was settled meanwhile.</source>
        <translation>这处冲突已由他人处理。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="39"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="40"/>
        <source>A port is a number from 1 to 65535.</source>
        <translation>端口是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="184"/>
        <source>Give the database file, or the server&apos;s address and database name.</source>
        <translation>请填写数据库文件，或服务器地址和数据库名。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="194"/>
        <source>{target} is not a database address ({detail}).</source>
        <translation>{target} 不是数据库地址（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="203"/>
        <source>A database in memory keeps nothing; choose a file.</source>
        <translation>内存数据库不保存任何内容；请选择一个文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="227"/>
        <location filename="../../desktop/services/maintenance/connection.py" line="468"/>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="173"/>
        <source>Cannot connect to the server: {detail}</source>
        <translation>无法连接服务器：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="240"/>
        <source>The server {host} did not answer within {seconds} seconds. Check its address and that this computer may reach it (network, firewall).</source>
        <translation>服务器 {host} 在 {seconds} 秒内没有应答。请检查地址，以及本机能否访问它（网络、防火墙）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="263"/>
        <source>The database is empty: the program creates its tables when it opens it.</source>
        <translation>数据库是空的：程序打开时会建立数据表。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="267"/>
        <source>The database is ready for this program (schema {revision}).</source>
        <translation>数据库可供本程序使用（结构版本 {revision}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="270"/>
        <source>The database has an older schema ({revision}); it is upgraded to {head} when the program opens it. Desks with an older version of the program cannot open it afterwards.</source>
        <translation>数据库结构版本较旧（{revision}），程序打开时会升级到 {head}。升级后，装有旧版程序的电脑将无法打开它。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="276"/>
        <source>The database was written by a newer version of this program (schema {revision}); this version cannot use it. Install the newer version.</source>
        <translation>数据库由较新版本的程序写入（结构版本 {revision}），本版本无法使用。请安装新版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="281"/>
        <source>The database holds another program&apos;s tables; it is not a police desk database.</source>
        <translation>数据库里是其他程序的数据表，不是本程序的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="296"/>
        <source>{target} is a folder; choose a file in it.</source>
        <translation>{target} 是文件夹；请选择其中的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="304"/>
        <source>The program may not create a file in {folder}; choose another.</source>
        <translation>程序无权在 {folder} 中建立文件；请另选位置。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="314"/>
        <source>There is no database file there yet: the program creates it when it opens it.</source>
        <translation>那里还没有数据库文件：程序打开时会建立它。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="328"/>
        <source>Cannot read {target}: {detail}</source>
        <translation>无法读取 {target}：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="350"/>
        <source>An encrypted desk database: it opens after a user&apos;s login.</source>
        <translation>已加密的工作台数据库：用户登录后打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="360"/>
        <source>{target} is not a police desk database.</source>
        <translation>{target} 不是本程序的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="339"/>
        <location filename="../../desktop/services/maintenance/connection.py" line="377"/>
        <source>The file {target} cannot be used ({detail}).</source>
        <translation>无法使用文件 {target}（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="383"/>
        <source>The program may not write to {target}.</source>
        <translation>程序无权写入 {target}。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="414"/>
        <source>The driver for {kind} is not installed ({detail}). Install the program with its PostgreSQL support: pip install policedesk[postgres].</source>
        <translation>没有安装 {kind} 的驱动（{detail}）。请安装带 PostgreSQL 支持的程序：pip install policedesk[postgres]。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="426"/>
        <source>This program does not know the database kind {kind}; a server address starts with postgresql+psycopg://</source>
        <translation>本程序不支持 {kind} 类型的数据库；服务器地址以 postgresql+psycopg:// 开头</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/connection.py" line="450"/>
        <source>Connected, but the user {user} may not change the database {database}&apos;s tables, which must be created or upgraded for this version. The server&apos;s administrator does it, as the database&apos;s owner: policedesk server setup --database OWNER_URL --role {user} --password-stdin</source>
        <translation>已连接，但用户 {user} 无权修改数据库 {database} 的表，而本版本需要创建或升级这些表。请服务器管理员以数据库所有者身份执行：policedesk server setup --database OWNER_URL --role {user} --password-stdin</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="78"/>
        <source>The server refused the user name or the password (user {user}).</source>
        <translation>服务器拒绝了用户名或密码（用户 {user}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="136"/>
        <source>The server asks for a password: type it, or put it in this user&apos;s password file (pgpass).</source>
        <translation>服务器要求密码：请填写，或写进该用户的密码文件（pgpass）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="86"/>
        <source>The server has no database {database}. Check the name, or ask the server&apos;s administrator to create it.</source>
        <translation>服务器上没有数据库 {database}。请检查名称，或请服务器管理员建立。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="95"/>
        <source>The server has no user {user}.</source>
        <translation>服务器上没有用户 {user}。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="109"/>
        <source>The user {user} may not use the database {database}. Ask the server&apos;s administrator to run: GRANT CONNECT ON DATABASE {database} TO {user}</source>
        <translation>用户 {user} 无权使用数据库 {database}。请服务器管理员执行：GRANT CONNECT ON DATABASE {database} TO {user}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="119"/>
        <source>The server has as many connections as it allows. Try again in a moment, or ask the server&apos;s administrator to allow more (max_connections).</source>
        <translation>服务器的连接数已达上限。请稍后再试，或请服务器管理员调高上限（max_connections）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="127"/>
        <source>The server is starting up or shutting down: try again in a minute.</source>
        <translation>服务器正在启动或关闭，请一分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="144"/>
        <source>No computer is called {host} on this network: check the address.</source>
        <translation>网络上找不到名为 {host} 的计算机：请检查地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="160"/>
        <source>Nothing answers at {host}, port {port}: check the address and the port, and that the database server is running and accepts connections from the network.</source>
        <translation>{host} 的 {port} 端口没有应答：请检查地址和端口，并确认数据库服务器正在运行且接受网络连接。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="151"/>
        <source>The server {host} did not answer in time. Check its address and that this computer may reach it (network, firewall).</source>
        <translation>服务器 {host} 没有及时应答。请检查地址，以及本机能否访问它（网络、防火墙）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_refusals.py" line="99"/>
        <source>The server does not let this computer in as {user} to {database} (its pg_hba.conf). Ask the server&apos;s administrator.</source>
        <translation>服务器不允许本机以 {user} 身份连接 {database}（见其 pg_hba.conf）。请联系服务器管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/package.py" line="66"/>
        <source>{file} is damaged or incomplete ({detail}). Nothing was imported; ask for the package again.</source>
        <translation>{file} 已损坏或不完整（{detail}），未导入任何内容；请重新索要数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/package.py" line="71"/>
        <source>{file} is a data package of an older version of this program, which was neither signed nor sealed. Nothing was imported; ask the desk that wrote it for a new package.</source>
        <translation>{file} 是本程序旧版本的数据包，既无签名也未加密。未导入任何数据；请制作它的工作台重新制作数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/package.py" line="81"/>
        <source>The signature of {file} does not match its contents: it was changed after it was written, or damaged on the way. Nothing was imported; ask for the package again.</source>
        <translation>{file} 的签名与内容不符：它在制作后被改动过，或在传递中损坏。未导入任何数据；请重新索取数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/package.py" line="86"/>
        <source>{file} unpacks to more than the {limit} MB a package may hold. Nothing was imported.</source>
        <translation>{file} 解开后超过数据包允许的 {limit} MB。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/package.py" line="270"/>
        <location filename="../../desktop/services/exchange/desks.py" line="184"/>
        <source>Cannot write {file}: {detail}</source>
        <translation>无法写入 {file}：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/package.py" line="390"/>
        <source>There is no file {file}.</source>
        <translation>没有文件 {file}。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/package.py" line="393"/>
        <location filename="../../desktop/services/exchange/desks.py" line="197"/>
        <source>Cannot read {file}: {detail}</source>
        <translation>无法读取 {file}：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/package.py" line="70"/>
        <source>{file} is not a data package of this program.</source>
        <translation>{file} 不是本程序的数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/package.py" line="76"/>
        <source>{file} was written by a newer version of this program. Nothing was imported; install that version here first.</source>
        <translation>{file} 由较新版本的程序写出，未导入任何内容；请先在本机安装该版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="78"/>
        <source>{file} is signed by a desk that is not enrolled here (fingerprint {fingerprint}). Nothing was imported.</source>
        <translation>{file} 由未在本机登记的工作台签名（指纹 {fingerprint}）。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="83"/>
        <source>If it is the sub-bureau&apos;s first package: read this fingerprint with the sub-bureau over the phone, and import the package with the digits they read (--fingerprint). A station&apos;s desk is enrolled at the sub-bureau from its request.</source>
        <translation>如果这是分局的第一个数据包：请与分局通电话核对此指纹，再用对方念出的数字导入（--fingerprint）。派出所的工作台则凭登记申请在分局登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="89"/>
        <source>{file} is signed by the desk of {desk}, which was revoked here on {day}. Nothing was imported.</source>
        <translation>{file} 由{desk}的工作台签名，该工作台已于 {day} 在本机注销。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="94"/>
        <source>{file} claims to come from the desk of {desk} but is signed with other keys than the ones enrolled for it. Nothing was imported.</source>
        <translation>{file} 声称来自{desk}的工作台，但签名所用的密钥与登记的不同。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="99"/>
        <source>{file} was sealed for other desks, not for this one. Nothing was imported; the desk that wrote it must enrol this desk and write a new package.</source>
        <translation>{file} 是加密给其他工作台的，不是给本工作台的。未导入任何数据；请制作它的工作台登记本工作台后重新制作数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="104"/>
        <source>{file} was written by this database (or a copy of it). Nothing was imported.</source>
        <translation>{file} 是本数据库（或其副本）写出的，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="108"/>
        <source>{file} comes from a station&apos;s desk, which is enrolled at the sub-bureau from its request, not by importing its package. Nothing was imported.</source>
        <translation>{file} 来自派出所的工作台，它应凭登记申请在分局登记，而不是通过导入其数据包登记。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="244"/>
        <source>The fingerprint typed is not the one of the desk that signed {file} ({fingerprint}). Nothing was imported.</source>
        <translation>输入的指纹与签名 {file} 的工作台的指纹（{fingerprint}）不符。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="368"/>
        <source>{file} is package {sequence} from {origin}, but package {last} from there is already imported. Nothing was imported: an older package would undo newer changes.</source>
        <translation>{file} 是 {origin} 的第 {sequence} 号数据包，但该处的第 {last} 号已经导入。未导入任何内容：旧数据包会撤销较新的修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="381"/>
        <source>{file} is package {sequence} from {origin}; package {expected} from there has not been imported here. Nothing was imported.</source>
        <translation>{file} 是 {origin} 的第 {sequence} 号数据包，而该处的第 {expected} 号尚未在本机导入。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/merge.py" line="386"/>
        <source>Import the missing packages first, or ask {origin} for a full package (policedesk exchange export --full).</source>
        <translation>请先导入缺少的数据包，或请 {origin} 导出完整数据包（policedesk exchange export --full）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/writes.py" line="159"/>
        <source>The {kind} “{name}” in the package belongs to a record this database does not have. Nothing was imported.</source>
        <translation>数据包中的{kind}“{name}”所属的记录本数据库没有，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/writes.py" line="165"/>
        <source>The {kind} “{name}” in the package has a code or number that another record here already has. Nothing was imported.</source>
        <translation>数据包中的{kind}“{name}”的代码或编号已被本机另一条记录使用，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/writes.py" line="172"/>
        <source>A package from there was probably missed: ask for a full package (policedesk exchange export --full).</source>
        <translation>可能漏导了对方的某个数据包：请对方导出完整数据包（policedesk exchange export --full）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/writes.py" line="178"/>
        <source>Correct the code of one of the two: here, or at the desk that wrote the package (then ask it for a new package), and import again. A new desk must start from the sub-bureau&apos;s full package, not from entries of its own.</source>
        <translation>请改正两者之一的代码：在本机改，或请写出数据包的一方改后重新发数据包，然后再导入。新电脑须从分局的完整数据包起步，而不是自行录入。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_records.py" line="21"/>
        <source>Your role does not see phone and ID numbers in full; leave out --full-numbers.</source>
        <translation>您的角色不能查看完整的电话号码和身份证号码，请去掉 --full-numbers。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_common.py" line="20"/>
        <source>Only an administrator of the whole sub-bureau may do this.</source>
        <translation>只有全分局的系统管理员才能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_common.py" line="23"/>
        <source>No password was given.</source>
        <translation>未输入密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/database.py" line="16"/>
        <source>Log in as a user of this database: give --user NAME (the password is then asked for, or read from standard input with --password-stdin).</source>
        <translation>请以本数据库的用户登录：给出 --user 用户名（随后询问密码，或用 --password-stdin 从标准输入读取）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/database.py" line="21"/>
        <source>This account&apos;s password must be changed first (it was set by an administrator, has expired, or is weaker than the present rules): log in once in the window to choose a new one.</source>
        <translation>必须先修改此账号的密码（密码由管理员设置、已过期或不符合现行规则）：请先在窗口中登录一次，设置新密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/database.py" line="27"/>
        <source>This database has no user accounts yet: open it in the window once to set up its administrator.</source>
        <translation>此数据库还没有用户账号：请先在窗口中打开一次，设置系统管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/passwords.py" line="176"/>
        <source>Give a number of days from 0 to {n}.</source>
        <translation>请填写 0 到 {n} 之间的天数。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/synonyms.py" line="31"/>
        <source>{file}, line {line}: {code} is not a code of this table; the line is left out.</source>
        <translation>{file} 第 {line} 行：“{code}”不是这张代码表里的代码，此行未采用。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/synonyms.py" line="34"/>
        <source>{file}, line {line}: a line needs a word and its code (synonym,code); it is left out.</source>
        <translation>{file} 第 {line} 行：每行须写一个词和它的代码（synonym,code），此行未采用。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/synonyms.py" line="38"/>
        <source>{file}, line {line}: {word} is already the name of another code; the line is left out.</source>
        <translation>{file} 第 {line} 行：“{word}”已是另一个代码的名称，此行未采用。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/imports/synonyms.py" line="42"/>
        <source>{file} cannot be read ({detail}); its words are left out.</source>
        <translation>{file} 无法读取（{detail}），其中的词未采用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="45"/>
        <source>{file} is damaged and cannot be read: open it in Excel or WPS and save it again as .xlsx.</source>
        <translation>{file} 已损坏，无法读取：请用 Excel 或 WPS 打开，重新另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="49"/>
        <source>{file} is neither an Excel workbook (.xlsx) nor a CSV file: open it in Excel or WPS and save it as .xlsx.</source>
        <translation>{file} 既不是 Excel 工作簿（.xlsx），也不是 CSV 文件：请用 Excel 或 WPS 打开，另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="54"/>
        <source>{file} is protected by a password: open it in Excel or WPS, remove the password and save it again as .xlsx.</source>
        <translation>{file} 设有密码保护：请用 Excel 或 WPS 打开，取消密码后重新另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="59"/>
        <source>{file} is an old Excel 97-2003 workbook (.xls): open it in Excel or WPS and save it as .xlsx.</source>
        <translation>{file} 是旧版 Excel 97-2003 工作簿（.xls）：请用 Excel 或 WPS 打开，另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="63"/>
        <source>{file} is larger than {limit} MB once unpacked: split it into smaller files.</source>
        <translation>{file} 解压后超过 {limit} MB：请拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="67"/>
        <source>{file} unpacks to more than {ratio} times its size, as no real workbook does: it cannot be imported.</source>
        <translation>{file} 解压后超过原大小的 {ratio} 倍，正常的工作簿不会这样：无法导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="72"/>
        <source>{file} has more than {limit} rows: split it into smaller files.</source>
        <translation>{file} 超过 {limit} 行：请拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="75"/>
        <source>Row {row} of {file} has more than {limit} columns: delete the columns the import does not need.</source>
        <translation>{file} 第 {row} 行超过 {limit} 列：请删除导入用不到的列。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="80"/>
        <source>Row {row} of {file} holds more than {limit} MB of text: it cannot be imported.</source>
        <translation>{file} 第 {row} 行的文字超过 {limit} MB：无法导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="83"/>
        <source>{file} is text but neither UTF-8 nor GBK: save it as CSV (UTF-8) or as .xlsx.</source>
        <translation>{file} 是文本文件，但既不是 UTF-8 也不是 GBK 编码：请另存为 CSV（UTF-8）或 .xlsx 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledgers/sheetfile.py" line="87"/>
        <source>{file} is empty.</source>
        <translation>{file} 是空文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/desks.py" line="38"/>
        <source>{file} is not a desk&apos;s enrolment request, or it is damaged.</source>
        <translation>{file} 不是工作台的登记申请，或已损坏。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/desks.py" line="41"/>
        <source>The fingerprint typed is not this desk&apos;s. Nothing was enrolled: read the digits again with the desk&apos;s operator over the phone; if they still differ, the file is not theirs.</source>
        <translation>输入的指纹不是该工作台的。未登记：请与该工作台的操作员通电话再核对一遍数字；若仍不一致，这个文件不是他们的。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/desks.py" line="46"/>
        <source>Say which unit this desk works for: --unit with a station&apos;s (or the sub-bureau&apos;s) name or code.</source>
        <translation>请说明本工作台属于哪个单位：用 --unit 给出派出所（或分局）的名称或代码。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/desks.py" line="51"/>
        <source>There is no station or sub-bureau “{unit}” in this database.</source>
        <translation>本数据库中没有派出所或分局“{unit}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/desks.py" line="54"/>
        <source>That is this desk&apos;s own request.</source>
        <translation>这是本工作台自己的登记申请。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/desks.py" line="55"/>
        <source>No enrolled desk is called “{desk}”.</source>
        <translation>没有名为“{desk}”的已登记工作台。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/outgoing.py" line="36"/>
        <source>No desk is enrolled here to receive this desk&apos;s packages, so none can be sealed. At the sub-bureau, enrol this desk (policedesk exchange request, then enrol there); a station enrols the sub-bureau&apos;s desk by importing its first package.</source>
        <translation>本机尚未登记任何接收数据包的工作台，因此无法加密数据包。请在分局登记本工作台（policedesk exchange request，再在分局 enrol）；派出所则通过导入分局的第一个数据包登记分局的工作台。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/outgoing.py" line="42"/>
        <source>Data packages are written by a station&apos;s clerks and administrators, or the sub-bureau&apos;s; your role does not write them.</source>
        <translation>数据包由派出所或分局的内勤和管理员制作；您的角色不能制作数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/places.py" line="27"/>
        <source>{file} would change the {kind} “{name}”, which lies outside {desk}, the unit its desk was enrolled for. Nothing was imported: a desk&apos;s package may only change its own unit&apos;s records.</source>
        <translation>{file} 会改动{kind}“{name}”，它不属于该工作台登记的单位{desk}。未导入任何数据：工作台的数据包只能改动本单位的记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/places.py" line="33"/>
        <source>{file} would change the {kind} “{name}”, which lies outside your jurisdiction. Nothing was imported; an administrator of a unit that holds it may import the package.</source>
        <translation>{file} 会改动{kind}“{name}”，它不在您的辖区内。未导入任何数据；请由管辖该记录的单位的管理员导入此数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/exchange/places.py" line="38"/>
        <source>The {kind} “{name}” in {file} names a grid cell, office or station that do not belong together. Nothing was imported.</source>
        <translation>{file} 中的{kind}“{name}”所填的网格、警务室或派出所互不隶属。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/planning.py" line="32"/>
        <source>The sub-bureau plans its patrol lines.</source>
        <translation>巡线由分局排班。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/planning.py" line="33"/>
        <source>The station&apos;s clerk or an administrator plans its patrol zones.</source>
        <translation>巡区由本所内勤或管理员排班。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/planning.py" line="36"/>
        <source>The office&apos;s community officer, the station&apos;s clerk or an administrator plans its patrol point and reception.</source>
        <translation>警务室的巡点和接待由本室社区民警、所内勤或管理员排班。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/planning.py" line="41"/>
        <source>The station&apos;s clerk or an administrator publishes the station&apos;s month.</source>
        <translation>本所月度排班由所内勤或管理员发布。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/planning.py" line="44"/>
        <source>Your role reads the roster; the station&apos;s clerk or its officers plan it.</source>
        <translation>您的角色只能查看排班；排班由所内勤或民警负责。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/encryption.py" line="31"/>
        <source>The database could not be encrypted ({detail}). It is unchanged and still opens.</source>
        <translation>数据库未能加密（{detail}）。它没有改变，仍可打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/keys.py" line="33"/>
        <source>Name the administrator whose password is to be reset: --user NAME.</source>
        <translation>请指明要重设密码的管理员：--user 用户名。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/keys.py" line="39"/>
        <source>This recovery key does not open the database: check the 48 digits.</source>
        <translation>这个恢复密钥打不开数据库：请核对 48 位数字。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/keys.py" line="187"/>
        <source>The recovery key resets an administrator&apos;s password only; “{user}” is not an administrator of this database.</source>
        <translation>恢复密钥只能重设管理员的密码；“{user}”不是本数据库的管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts/keys.py" line="36"/>
        <source>This database is not encrypted: it has no recovery key.</source>
        <translation>该数据库没有加密：它没有恢复密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/keyslots.py" line="43"/>
        <source>The key file beside the database ({path}) is damaged or has been altered, so the database cannot be opened with it.</source>
        <translation>数据库旁边的密钥文件（{path}）已损坏或被改动，无法用它打开数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/keyslots.py" line="48"/>
        <source>Put back the .keys file that belongs to this database (a backup has its own beside it), or open it with the recovery key.</source>
        <translation>请放回属于该数据库的 .keys 文件（每个备份旁边都有自己的一份），或用恢复密钥打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/keyslots.py" line="53"/>
        <source>The database {path} is encrypted and its key file ({keys}) is missing.</source>
        <translation>数据库 {path} 已加密，但它的密钥文件（{keys}）不见了。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/keyslots.py" line="57"/>
        <source>Copy the .keys file that was made with this database next to it (backups carry theirs).</source>
        <translation>请把与该数据库一同生成的 .keys 文件复制到它旁边（备份都带有各自的密钥文件）。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_roles.py" line="27"/>
        <source>Roles are set up on a PostgreSQL server; {target} is not one.</source>
        <translation>角色只能在 PostgreSQL 服务器上设置；{target} 不是。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_roles.py" line="30"/>
        <source>“{role}” cannot be the desks&apos; role: use lower-case letters, digits and _, starting with a letter.</source>
        <translation>“{role}”不能作为工作台的角色：请用小写字母、数字和 _，并以字母开头。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_roles.py" line="35"/>
        <source>The desks&apos; role must not be the schema&apos;s owner ({role}): name another role, which the setup creates.</source>
        <translation>工作台的角色不能是数据库结构的所有者（{role}）：请另取一个角色名，设置时会创建它。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/maintenance/server_roles.py" line="40"/>
        <source>The role {role} is a superuser or owns tables of this database; desks must connect as a role that is neither. Name another role.</source>
        <translation>角色 {role} 是超级用户或拥有本数据库的表；工作台必须以两者都不是的角色连接。请另取一个角色名。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_desk.py" line="165"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/deadline_dialog.py" line="15"/>
        <source>Write a number of days from 1 to 365, or leave it empty for no deadline.</source>
        <translation>请填写 1 到 365 之间的天数，或留空表示不预填期限。</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/move_dialog.py" line="25"/>
        <source>Move to…</source>
        <translation>移动到…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/move_dialog.py" line="29"/>
        <source>Type to filter</source>
        <translation>输入文字筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/move_dialog.py" line="46"/>
        <source>Move “{name}” under:</source>
        <translation>把“{name}”移到：</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="97"/>
        <source>Community police office</source>
        <translation>社区警务室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="99"/>
        <source>New community police office</source>
        <translation>新建社区警务室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="102"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="103"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="104"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="106"/>
        <source>Reception days</source>
        <translation>接待日</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="19"/>
        <source>Officer</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="19"/>
        <source>New officer</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="21"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="23"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="24"/>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="27"/>
        <source>Force</source>
        <translation>勤务力量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="27"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="30"/>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="30"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="38"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="39"/>
        <source>Resident ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="40"/>
        <source>On duty (can be assigned)</source>
        <translation>在岗（可安排勤务）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="42"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/officer_dialog.py" line="43"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="35"/>
        <source>Filter by name or badge number</source>
        <translation>按姓名或警号筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="38"/>
        <source>Active only</source>
        <translation>只看在岗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="39"/>
        <source>&amp;New officer…</source>
        <translation>新建人员(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="41"/>
        <source>&amp;Modify…</source>
        <translation>修改(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="42"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="56"/>
        <source>Officers</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="68"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="69"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="70"/>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="71"/>
        <source>Force</source>
        <translation>勤务力量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="72"/>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="73"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="74"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="75"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="75"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="75"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="80"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/officers_page.py" line="127"/>
        <source>Delete officer</source>
        <translation>删除人员</translation>
    </message>
</context>
<context>
    <name>OpenItemRow</name>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_rows.py" line="134"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_rows.py" line="135"/>
        <source>Due within three days</source>
        <translation>三日内到期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_rows.py" line="146"/>
        <source>No change</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_rows.py" line="151"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="77"/>
        <source>Police stations</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="78"/>
        <source>Community police offices</source>
        <translation>社区警务室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="79"/>
        <source>Grid cells</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="80"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="81"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="82"/>
        <source>Police officers (active)</source>
        <translation>在岗民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="83"/>
        <source>Auxiliary police (active)</source>
        <translation>在岗辅警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="84"/>
        <source>Grid workers (active)</source>
        <translation>在岗网格员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="85"/>
        <source>Grid cells without a community officer</source>
        <translation>未配社区民警的网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="86"/>
        <source>Grid cells without a grid worker</source>
        <translation>未配网格员的网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="87"/>
        <source>Offices receiving fewer than 2 days a week</source>
        <translation>每周接待不足两天的警务室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="88"/>
        <location filename="../../desktop/ui/pages/overview_page.py" line="151"/>
        <source>Enterprises</source>
        <translation>单位总数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="89"/>
        <source>Enterprises overdue for a visit</source>
        <translation>逾期未走访单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="90"/>
        <source>Due for a visit within a week</source>
        <translation>一周内应走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="91"/>
        <source>Enterprises visited this week, of those due</source>
        <translation>本周已走访 / 应走访单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="92"/>
        <source>… this month</source>
        <translation>本月已走访 / 应走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="93"/>
        <source>… this quarter</source>
        <translation>本季已走访 / 应走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="94"/>
        <source>Shifts short of staff in the coming 7 days</source>
        <translation>未来 7 天缺员班次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="95"/>
        <source>Open hazards: past deadline · within 3 days · later</source>
        <translation>未销号隐患：已超期 · 3 天内到期 · 其他</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="96"/>
        <source>Open unstable factors: past · within 3 days · later</source>
        <translation>未化解不稳定因素：已超期 · 3 天内到期 · 其他</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="97"/>
        <source>Enterprises missing a required field</source>
        <translation>缺少必填项的单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="98"/>
        <source>Enterprises not updated for a year</source>
        <translation>一年未更新的单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="99"/>
        <source>Enterprises with a probable duplicate</source>
        <translation>疑似重复的单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="127"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="147"/>
        <source>Enterprises (not counting {n} deregistered)</source>
        <translation>单位（不含已注销的 {n} 家）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="164"/>
        <source>{kind} (active)</source>
        <translation>在岗{kind}</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../desktop/ui/pages/page.py" line="72"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/page.py" line="166"/>
        <source>Move “{name}” to the recycle bin?</source>
        <translation>把“{name}”移入回收站吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/page.py" line="168"/>
        <source>Move these {n} records to the recycle bin?</source>
        <translation>将这 {n} 条记录移到回收站？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/page.py" line="209"/>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="230"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="237"/>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="238"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="239"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="240"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="243"/>
        <source>At least {n} characters, with three of: capital letters, small letters, digits and symbols; not your user name, nor a common password.</source>
        <translation>至少 {n} 个字符，包含大写字母、小写字母、数字、符号中的至少三种；不能是用户名，也不能是常见密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="254"/>
        <source>An administrator set your password. Choose your own before you start.</source>
        <translation>您的密码由管理员设置，请先设置自己的密码再开始工作。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="256"/>
        <source>Your password has expired. Choose a new one before you start.</source>
        <translation>您的密码已过期，请先设置新密码再开始工作。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="258"/>
        <source>Your password does not meet the password rules. Choose a new one before you start.</source>
        <translation>您的密码不符合密码规则，请先设置新密码再开始工作。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="263"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PatrolPage</name>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="65"/>
        <source>Patrol units covering the jurisdiction</source>
        <translation>覆盖本辖区的巡逻单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="66"/>
        <source>&amp;New unit…</source>
        <translation>新建单元(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="72"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="73"/>
        <source>&amp;Shifts and rules…</source>
        <translation>班次与规则(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="75"/>
        <source>Absences in the month</source>
        <translation>月份请假</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="79"/>
        <source>New &amp;absence…</source>
        <translation>新建请假(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="69"/>
        <source>&amp;Modify…</source>
        <translation>修改(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="83"/>
        <source>Modify a&amp;bsence…</source>
        <translation>修改请假(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="89"/>
        <source>Delete absen&amp;ce</source>
        <translation>删除请假(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="107"/>
        <source>Patrol units</source>
        <translation>巡逻单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="115"/>
        <source>Absences</source>
        <translation>请假记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="130"/>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="131"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="132"/>
        <source>Owned by</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="133"/>
        <source>Staffing a shift</source>
        <translation>每班配置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="134"/>
        <source>Peak hours</source>
        <translation>高峰时段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="135"/>
        <source>Grid cells</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="136"/>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="141"/>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="142"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="143"/>
        <source>First day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="144"/>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="145"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="146"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="181"/>
        <source>Delete patrol unit</source>
        <translation>删除巡逻单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="210"/>
        <source>Delete absence</source>
        <translation>删除请假</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/patrol_page.py" line="211"/>
        <source>Delete the absence of {name} from {first} to {last}?</source>
        <translation>删除 {name} 自 {first} 至 {last} 的请假？</translation>
    </message>
</context>
<context>
    <name>PatrolUnitDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="93"/>
        <source>Patrol unit</source>
        <translation>巡逻单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="93"/>
        <source>New patrol unit</source>
        <translation>新建巡逻单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="99"/>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="101"/>
        <source>Owned by</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="102"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="104"/>
        <source>Route (a waypoint or street a line)</source>
        <translation>路线（每行一个途经点或街道）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="106"/>
        <source>Peak hours</source>
        <translation>高峰时段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="110"/>
        <source>Grid cells covered</source>
        <translation>覆盖网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="112"/>
        <source>Staffing a shift</source>
        <translation>每班配置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="113"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RecordKinds</name>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="12"/>
        <source>sub-bureau</source>
        <translation>分局</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="13"/>
        <source>police station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="14"/>
        <source>community police office</source>
        <translation>社区警务室</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="15"/>
        <source>grid cell</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="16"/>
        <source>officer</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="17"/>
        <source>enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="18"/>
        <source>visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="19"/>
        <source>hazard or unstable factor</source>
        <translation>隐患/不稳定因素</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="20"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="21"/>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="22"/>
        <source>audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="23"/>
        <source>patrol unit</source>
        <translation>巡逻单元</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="24"/>
        <source>absence</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="25"/>
        <source>duty</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/record_kinds.py" line="26"/>
        <source>check-in</source>
        <translation>打卡</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="133"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="138"/>
        <source>This database is encrypted. Its recovery key opens it when every administrator&apos;s password is lost. It is shown only this once: print it or write it down, and keep it in the station&apos;s safe. Whoever holds it can read the database.</source>
        <translation>该数据库已加密。所有管理员的密码都丢失时，凭恢复密钥仍能打开它。恢复密钥只显示这一次：请打印或抄写下来，存放在派出所的保险柜里。持有它的人可以读取数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="156"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="159"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="161"/>
        <source>I have &amp;kept it</source>
        <translation>我已妥善保存(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="179"/>
        <source>Recovery key of the community-policing desk</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="181"/>
        <source>Keep in the station&apos;s safe. Whoever holds it can read the data.</source>
        <translation>存放在派出所保险柜。持有者可读取数据。</translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/recycle_bin_dialog.py" line="35"/>
        <location filename="../../desktop/ui/dialogs/recycle_bin_dialog.py" line="51"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recycle_bin_dialog.py" line="40"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recycle_bin_dialog.py" line="40"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recycle_bin_dialog.py" line="40"/>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recycle_bin_dialog.py" line="48"/>
        <location filename="../../desktop/ui/dialogs/recycle_bin_dialog.py" line="52"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recycle_bin_dialog.py" line="91"/>
        <source>Assign again</source>
        <translation>请重新指定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recycle_bin_dialog.py" line="93"/>
        <source>Restored. Its community officer or grid worker has left meanwhile; assign someone in the grid cell&apos;s form: {codes}.</source>
        <translation>已恢复。该网格原来的社区民警或网格员已离开，请在网格表单中重新指定：{codes}。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="74"/>
        <source>Any day of the period</source>
        <translation>统计时段内的任一天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="76"/>
        <source>The period before</source>
        <translation>上一期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="77"/>
        <source>The period after</source>
        <translation>下一期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="80"/>
        <source>To E&amp;xcel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="83"/>
        <source>To &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="102"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="173"/>
        <source>Visits done of those due, by unit</source>
        <translation>各单位走访完成率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="176"/>
        <source>Done</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="202"/>
        <source>Visits through the period</source>
        <translation>走访趋势</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="233"/>
        <location filename="../../desktop/ui/pages/reports_page.py" line="268"/>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="238"/>
        <source>Workbooks (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="247"/>
        <location filename="../../desktop/ui/pages/reports_page.py" line="315"/>
        <source>{title} — written to {path}</source>
        <translation>{title} — 已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="252"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/reports_page.py" line="269"/>
        <source>{path} cannot be written: is it open in another program?</source>
        <translation>无法写入 {path}：是否已在其他程序中打开？</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="77"/>
        <source>This desk&apos;s enrolment request</source>
        <translation>本工作台的登记申请</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="83"/>
        <source>The sub-bureau takes this desk&apos;s data packages, and seals its own for this desk, only once it has enrolled it. Write the request to a file and take it to the sub-bureau (a USB stick will do: it holds no secret). Then call them and read out the fingerprint below, group by group: they type it, and the desk is enrolled only if the digits match.</source>
        <translation>分局登记本工作台之后，才会接收本工作台的数据包，并为本工作台加密分局的数据包。请把登记申请写成文件交到分局（用U盘即可：文件不含任何机密）。然后给分局打电话，逐组念出下面的指纹：由分局输入，只有数字一致才会登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="98"/>
        <source>The station&apos;s name or code, as the sub-bureau knows it</source>
        <translation>派出所的名称或代码（与分局所用的一致）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="101"/>
        <source>This desk works for:</source>
        <translation>本工作台所属单位：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="103"/>
        <source>This desk&apos;s fingerprint:</source>
        <translation>本工作台的指纹：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="110"/>
        <source>&amp;Write the request…</source>
        <translation>写出登记申请(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="126"/>
        <source>Say which station (or sub-bureau) this desk works for.</source>
        <translation>请说明本工作台属于哪个派出所（或分局）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="131"/>
        <source>enrolment request {unit} {day}</source>
        <translation>登记申请 {unit} {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="136"/>
        <source>Write the enrolment request</source>
        <translation>写出登记申请</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="138"/>
        <source>Enrolment requests (*{suffix})</source>
        <translation>登记申请 (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/desk_enrolment.py" line="154"/>
        <source>Written to {file}, for {unit}. Take the file to the sub-bureau, then read them the six groups of digits above over the phone.</source>
        <translation>已写入 {file}（{unit}）。请把文件交到分局，再通过电话向分局念出上面的六组数字。</translation>
    </message>
</context>
<context>
    <name>RequestRow</name>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_rows.py" line="43"/>
        <source>What the enterprise said or asked for</source>
        <translation>单位提出的意见建议或困难诉求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_rows.py" line="44"/>
        <source>Solved on the spot</source>
        <translation>当场解决</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="48"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="49"/>
        <source>Clerk</source>
        <translation>内勤</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="50"/>
        <source>Community officer</source>
        <translation>社区民警</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/accounts.py" line="51"/>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <location filename="../../desktop/domain/roster.py" line="169"/>
        <source>{unit}, {shift}, {day}: {n} of {minimum} officers.</source>
        <translation>{unit}，{shift}，{day}：仅 {n} 人，至少需 {minimum} 人。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster.py" line="170"/>
        <source>{unit}, {shift}, {day}: no {force}.</source>
        <translation>{unit}，{shift}，{day}：缺{force}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster.py" line="171"/>
        <source>{officer} is on duty twice at once on {day} ({unit} and {other}).</source>
        <translation>{officer} 在 {day} 同时排在 {unit} 和 {other}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster.py" line="174"/>
        <source>{officer} has only {hours} hours&apos; rest before {shift} on {day}.</source>
        <translation>{officer} 在 {day} 的{shift}前只休息 {hours} 小时。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster.py" line="177"/>
        <source>{officer} has {n} night shifts in a row up to {day} (at most {most}).</source>
        <translation>{officer} 截至 {day} 连续 {n} 个夜班（最多 {most} 个）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster.py" line="180"/>
        <source>{officer} is away ({kind}) on {day}.</source>
        <translation>{officer} 在 {day} {kind}，不能排班。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster.py" line="181"/>
        <source>{officer} ({force}) does not patrol {unit}.</source>
        <translation>{officer}（{force}）不负责 {unit} 的巡逻。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster.py" line="182"/>
        <source>{unit}: {n} of {most} reception days in the week from {day}.</source>
        <translation>{unit}：{day} 起的一周只有 {n} 个接待日（应有 {most} 个）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster.py" line="185"/>
        <source>{office} receives the public on fewer than two days a week: set its days.</source>
        <translation>{office}每周接待日少于两天：请设置其接待日。</translation>
    </message>
    <message>
        <location filename="../../desktop/services/patrol/rosters.py" line="40"/>
        <source>Open: {unit}, {shift}, {day}. {reason}</source>
        <translation>空缺：{unit}，{shift}，{day}。{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="20"/>
        <source>No officer of this roster may take {unit}.</source>
        <translation>本排班中没有可担任{unit}的人员。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="21"/>
        <source>{office} has no community officer of its own.</source>
        <translation>{office}没有本室的社区民警。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="22"/>
        <source>The only officer who may take it, {officer}, is away ({kind}) {first} to {last}.</source>
        <translation>唯一可担任的人员{officer} {first} 至 {last} {kind}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="25"/>
        <source>The office&apos;s only community officer {officer} is away ({kind}) {first} to {last}.</source>
        <translation>本室唯一的社区民警{officer} {first} 至 {last} {kind}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="29"/>
        <source>All {n} officers who may take it are away: {names}.</source>
        <translation>可担任的 {n} 人都不在岗：{names}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="30"/>
        <source>No {force} is free that day: {names}.</source>
        <translation>当天没有空闲的{force}：{names}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="31"/>
        <source>The roster has no {force} who may take {unit}.</source>
        <translation>本排班中没有可担任{unit}的{force}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="32"/>
        <source>Everyone who may take it is on another duty then or resting: {names}.</source>
        <translation>可担任的人员当时都有其他勤务或在休息：{names}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="35"/>
        <source>Not planned yet: {n} officers who may take it are free.</source>
        <translation>尚未排班：有 {n} 名可担任的人员空闲。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="37"/>
        <source>Move this week&apos;s reception to {day} ({weekday}), when {officer} is there.</source>
        <translation>将本周接待改到 {day}（{weekday}），届时{officer}在岗。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="40"/>
        <source>{officer} of {place}, a free community officer, may stand in (set by hand).</source>
        <translation>{place}的社区民警{officer}当时空闲，可手工安排代班。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="43"/>
        <source>{officer}, a free community officer of the station, may stand in (set by hand).</source>
        <translation>所里的社区民警{officer}当时空闲，可手工安排代班。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="46"/>
        <source>Take {officer} off {other} and put them here.</source>
        <translation>将{officer}从{other}撤下，改排到这里。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="47"/>
        <source>Change {officer}&apos;s absence ({first} to {last}).</source>
        <translation>调整{officer}的请假（{first} 至 {last}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="48"/>
        <source>Lower the staffing of {unit}, {shift}, or give the roster another {force}.</source>
        <translation>降低{unit}{shift}的人数要求，或为本排班增加一名{force}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_open.py" line="51"/>
        <source>Generate the month, or pick one of them: {names}.</source>
        <translation>自动排班，或从中选一人：{names}。</translation>
    </message>
</context>
<context>
    <name>RosterCellDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_cell_dialog.py" line="51"/>
        <source>Tick the officers on duty:</source>
        <translation>勾选上岗人员：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_cell_dialog.py" line="57"/>
        <source>on another duty then</source>
        <translation>该时段已有其他勤务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_cell_dialog.py" line="58"/>
        <source>too little rest</source>
        <translation>与相邻班次间休息不足</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_cell_dialog.py" line="59"/>
        <source>too many nights in a row</source>
        <translation>连续夜班过多</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_cell_dialog.py" line="60"/>
        <source>away</source>
        <translation>请假中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_cell_dialog.py" line="62"/>
        <source>breaks a rule</source>
        <translation>不符合排班规则</translation>
    </message>
</context>
<context>
    <name>RosterCells</name>
    <message>
        <location filename="../../desktop/ui/pages/roster_cells.py" line="30"/>
        <source>&amp;Open cell…</source>
        <translation>打开格子(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_cells.py" line="33"/>
        <source>C&amp;lear…</source>
        <translation>清空(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_cells.py" line="38"/>
        <source>&amp;Copy officers</source>
        <translation>复制人员(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_cells.py" line="43"/>
        <source>&amp;Paste officers</source>
        <translation>粘贴人员(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_cells.py" line="48"/>
        <source>Only this officer&apos;s &amp;duties</source>
        <translation>只看此人的勤务(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_cells.py" line="111"/>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_cells.py" line="164"/>
        <source>Clear cells</source>
        <translation>清空格子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_cells.py" line="165"/>
        <source>Take every officer off the {n} selected cells?</source>
        <translation>将所选 {n} 个格子中的人员全部撤下？</translation>
    </message>
</context>
<context>
    <name>RosterFillDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_cell_dialog.py" line="83"/>
        <source>In turn, officers a day:</source>
        <translation>轮流，每天人数：</translation>
    </message>
</context>
<context>
    <name>RosterHistoryDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_history_dialog.py" line="23"/>
        <location filename="../../desktop/ui/dialogs/roster_history_dialog.py" line="39"/>
        <source>Changes since publishing</source>
        <translation>发布后的变更</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_history_dialog.py" line="28"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_history_dialog.py" line="28"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_history_dialog.py" line="28"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_history_dialog.py" line="28"/>
        <source>Duty</source>
        <translation>勤务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_history_dialog.py" line="28"/>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_history_dialog.py" line="34"/>
        <source>put on</source>
        <translation>排入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_history_dialog.py" line="34"/>
        <source>taken off</source>
        <translation>撤下</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/roster_history_dialog.py" line="44"/>
        <source>Nothing has changed since the month was published.</source>
        <translation>本月排班发布后没有变更。</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="69"/>
        <source>&amp;Generate</source>
        <translation>自动排班(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="71"/>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="73"/>
        <source>Fill selected &amp;days…</source>
        <translation>批量排班(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="77"/>
        <source>Histor&amp;y…</source>
        <translation>变更记录(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="113"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="188"/>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="184"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="57"/>
        <source>A month as 2026-12, or a week as 2026-W49</source>
        <translation>月份如 2026-12，或周如 2026-W49</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="61"/>
        <source>The whole month, surnames in the cells; or one week</source>
        <translation>整月（格中显示姓氏）或某一周</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="65"/>
        <source>Show only this officer&apos;s duties</source>
        <translation>只显示此人的勤务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="75"/>
        <source>&amp;Copy last week</source>
        <translation>复制上周(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="84"/>
        <source>Personal &amp;schedules…</source>
        <translation>个人勤务表(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="207"/>
        <source>Into the week of the selected day, where its cells are still empty</source>
        <translation>复制到所选日期所在的一周，只填尚空的格子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="79"/>
        <source>Check-&amp;ins…</source>
        <translation>打卡核对(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="81"/>
        <source>The published duties against the patrol check-ins</source>
        <translation>已发布勤务与巡逻打卡的核对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="146"/>
        <source>Choose a police station or the sub-bureau in the tree.</source>
        <translation>请在左侧选择派出所或分局。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="186"/>
        <source>published, {n} changes not yet published</source>
        <translation>已发布，另有 {n} 项变更未发布</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="210"/>
        <source>Fill the rows you plan</source>
        <translation>为您负责的行自动排班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="229"/>
        <source>Whole month</source>
        <translation>整月</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="232"/>
        <source>Week from {day}</source>
        <translation>{day} 起一周</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="237"/>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="291"/>
        <source>Rule check: {n} problems</source>
        <translation>规则检查：{n} 处问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="293"/>
        <source>, {n} open slots</source>
        <translation>，{n} 个空缺班次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="297"/>
        <source>Rule check: every duty of the month keeps the rules.</source>
        <translation>规则检查：本月各班次均符合规则。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="309"/>
        <source>Filling the roster…</source>
        <translation>正在自动排班…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="321"/>
        <source>No roster</source>
        <translation>未能排班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="329"/>
        <source>{n} slots left open</source>
        <translation>{n} 个班次空缺</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="330"/>
        <source>Written as a draft; these could not be staffed:</source>
        <translation>已存为草稿；以下班次无人可排：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="340"/>
        <source>Publish with open slots?</source>
        <translation>有空缺班次，仍要发布吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="341"/>
        <source>{n} slots of the month are open (red). Publish all the same?</source>
        <translation>本月有 {n} 个空缺班次（红色）。仍然发布吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="353"/>
        <source> — {n} duties published</source>
        <translation> — 已发布 {n} 个班次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="378"/>
        <source>{row}: {first} to {last}</source>
        <translation>{row}：{first} 至 {last}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="405"/>
        <source>{n} duties copied into the week from {monday}.</source>
        <translation>已复制 {n} 个勤务到 {monday} 起的一周。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="409"/>
        <source> {n} left out: the officer is away.</source>
        <translation> {n} 个因民警请假未复制。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="437"/>
        <source>Personal schedules</source>
        <translation>个人勤务安排表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="437"/>
        <source>Workbooks (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="444"/>
        <source>Writing the personal schedules…</source>
        <translation>正在写出个人勤务安排表…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="450"/>
        <source> — {n} schedules written to {path}</source>
        <translation> — 已写出 {n} 份勤务表到 {path}</translation>
    </message>
</context>
<context>
    <name>RowWidget</name>
    <message>
        <location filename="../../desktop/ui/widgets/rows_editor.py" line="41"/>
        <source>Remove this row</source>
        <translation>删除此行</translation>
    </message>
</context>
<context>
    <name>SessionWork</name>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="40"/>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="42"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="43"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="44"/>
        <source>Lock after &amp;idle time…</source>
        <translation>空闲锁定时间(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="45"/>
        <source>Password &amp;expiry…</source>
        <translation>密码有效期(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="46"/>
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="47"/>
        <source>New &amp;recovery key…</source>
        <translation>新恢复密钥(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login_dialog.py" line="103"/>
        <source>Demo logins: {names}; password {password}</source>
        <translation>演示账号：{names}；密码 {password}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="127"/>
        <location filename="../../desktop/ui/work/session.py" line="159"/>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="164"/>
        <source>Lock after idle time</source>
        <translation>空闲锁定时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="165"/>
        <source>Lock the desk after this many minutes without input (0: never):</source>
        <translation>无操作多少分钟后锁定工作台（0 表示不锁定）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="180"/>
        <source>Password expiry</source>
        <translation>密码有效期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="181"/>
        <source>Every user chooses a new password after this many days (0: never):</source>
        <translation>每位用户在这么多天后须设置新密码（0：永不过期）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="203"/>
        <source>New recovery key</source>
        <translation>新恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/session.py" line="205"/>
        <source>Make a new recovery key? The one in the safe stops opening the database; print the new one and put it in its place.</source>
        <translation>要生成新的恢复密钥吗？保险柜里的那份将不再能打开数据库；请打印新的一份，放回原处。</translation>
    </message>
</context>
<context>
    <name>ShiftsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="35"/>
        <source>Shifts and roster rules</source>
        <translation>班次与排班规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="38"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="38"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="38"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="44"/>
        <source>&amp;Add shift</source>
        <translation>添加班次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="44"/>
        <source>&amp;Remove shift</source>
        <translation>删除班次(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="49"/>
        <source>Shifts (24:00 ends at midnight)</source>
        <translation>班次（24:00 表示午夜结束）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="61"/>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="63"/>
        <source>Rest between shifts at least</source>
        <translation>两班之间至少休息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/shifts_dialog.py" line="67"/>
        <source>Night shifts in a row at most</source>
        <translation>连续夜班至多</translation>
    </message>
</context>
<context>
    <name>StaffingEditor</name>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="47"/>
        <source>Officers at least</source>
        <translation>至少人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol_unit_dialog.py" line="48"/>
        <source>Must include</source>
        <translation>必须包含</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="55"/>
        <source>Police station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="55"/>
        <source>New police station</source>
        <translation>新建派出所</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="55"/>
        <source>Data package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="57"/>
        <source>{file}: package {sequence} from {origin}.</source>
        <translation>{file}：{origin} 的第 {sequence} 号数据包。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="61"/>
        <source>It was imported before; nothing changes.</source>
        <translation>以前已导入过，不作任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="64"/>
        <source>Nothing is written yet. Import it? A copy of the database is made first.</source>
        <translation>尚未写入任何内容。要导入吗？导入前会先备份数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="67"/>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="71"/>
        <source>{n} records were changed both here and there since the last exchange: this desk&apos;s version stays until you choose one in File &gt; Data conflicts.</source>
        <translation>有 {n} 条记录自上次交换以来双方都修改过：在您于“文件 &gt; 数据冲突”中选择之前，以本机版本为准。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="86"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="100"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="111"/>
        <source>Signed by the desk of {unit}, fingerprint {fingerprint}.</source>
        <translation>签名：{unit}的工作台，指纹 {fingerprint}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exchange_dialog.py" line="116"/>
        <source>The digits you typed match it: importing the package enrols that desk here.</source>
        <translation>您输入的数字与之一致：导入时将在本机登记该工作台。</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../desktop/ui/worker.py" line="79"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="40"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="40"/>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="43"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="44"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="46"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="50"/>
        <source>Works in</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="50"/>
        <source>(the whole database)</source>
        <translation>（全库）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="54"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="54"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="60"/>
        <source>(unchanged)</source>
        <translation>（不修改）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="62"/>
        <source>The user chooses their own password at their next login.</source>
        <translation>该用户下次登录时须设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="64"/>
        <source>May log in</source>
        <translation>允许登录</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="90"/>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="118"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="96"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="97"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="98"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="99"/>
        <source>Works in</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="100"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="101"/>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="109"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="110"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="111"/>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="124"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="146"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="148"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="150"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users_dialog.py" line="152"/>
        <source>(the whole database)</source>
        <translation>（全库）</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="79"/>
        <source>Visit</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="79"/>
        <source>New visit</source>
        <translation>新增走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="90"/>
        <source>Discard the draft</source>
        <translation>丢弃草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="106"/>
        <source>Name, pinyin initials (hzl) or part of the credit code</source>
        <translation>单位名称、拼音首字母（如 hzl）或部分信用代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="108"/>
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="114"/>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="116"/>
        <source>Kind of visit</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="121"/>
        <source>Main officer</source>
        <translation>主办民警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="124"/>
        <source>Names separated by 、</source>
        <translation>多人用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="125"/>
        <source>Going along</source>
        <translation>同行人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="127"/>
        <source>What was done</source>
        <translation>走访内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="139"/>
        <source>Security guidance</source>
        <translation>内部治安保卫指导</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="557"/>
        <source>Discard what was typed?</source>
        <translation>放弃已输入的内容？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="144"/>
        <source>Opinions and requests</source>
        <translation>意见建议/困难诉求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="156"/>
        <source>Found on this visit</source>
        <translation>本次发现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="163"/>
        <source>Open items</source>
        <translation>未销号事项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="168"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="170"/>
        <source>Save and next (Ctrl+Enter)</source>
        <translation>保存并录入下一条 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="172"/>
        <source>Save and close</source>
        <translation>保存并关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="176"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="201"/>
        <source>The unsaved input of last time is back.</source>
        <translation>已恢复上次未保存的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="161"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="142"/>
        <source>Add an &amp;opinion or request</source>
        <translation>添加意见建议(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="147"/>
        <source>Add a &amp;hazard or unstable factor</source>
        <translation>添加隐患或不稳定因素(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="149"/>
        <source>Default deadlines…</source>
        <translation>默认整改期限…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="152"/>
        <source>The deadline proposed for each kind of hazard, in days from the visit</source>
        <translation>各类隐患默认的整改期限（自走访之日起的天数）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="413"/>
        <source>Saved: {name}, {day}.</source>
        <translation>已保存：{name}，{day}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="461"/>
        <source>Opinion or request {n}</source>
        <translation>第 {n} 条意见诉求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="462"/>
        <source>Finding {n}</source>
        <translation>第 {n} 条隐患/不稳定因素</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit_dialog.py" line="463"/>
        <source>Open item {n}</source>
        <translation>第 {n} 条未销号事项</translation>
    </message>
</context>
<context>
    <name>VisitWork</name>
    <message>
        <location filename="../../desktop/ui/work/visit.py" line="30"/>
        <source>Next-due dates of {n} enterprises recalculated.</source>
        <translation>已重新计算 {n} 家单位的下次应走访日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/visit.py" line="55"/>
        <location filename="../../desktop/ui/work/visit.py" line="71"/>
        <source>Export the visit ledger</source>
        <translation>导出走访台账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/visit.py" line="65"/>
        <source>Writing the visit ledger…</source>
        <translation>正在写入走访台账…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/work/visit.py" line="72"/>
        <source>{n} visits written to {path}.</source>
        <translation>已将 {n} 条走访记录写入 {path}。</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="27"/>
        <source>Enterprise: name, initials or code</source>
        <translation>单位：名称、拼音首字母或信用代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="31"/>
        <source>&amp;New visit…</source>
        <translation>新增走访(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="34"/>
        <source>&amp;Modify…</source>
        <translation>修改(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="35"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="47"/>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="59"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="60"/>
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="61"/>
        <source>Grid cell</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="62"/>
        <source>Kind</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="63"/>
        <source>Officers</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="64"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="65"/>
        <source>Unstable factors</source>
        <translation>不稳定因素</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="66"/>
        <source>What was done</source>
        <translation>走访内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="71"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="72"/>
        <source>All officers</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits_page.py" line="140"/>
        <source>Delete visit</source>
        <translation>删除走访记录</translation>
    </message>
</context>
<context>
    <name>WeekdayPicker</name>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="70"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="71"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="72"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="73"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="74"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="75"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="76"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="25"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="28"/>
        <source>Welcome to the community-policing desk</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="31"/>
        <source>This database is empty. How would you like to start? (Esc: decide later.)</source>
        <translation>这个数据库还是空的。您想怎样开始？（Esc：稍后再定。）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="43"/>
        <source>&amp;Open the demo data</source>
        <translation>打开演示数据(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="45"/>
        <source>A made-up sub-bureau with two stations, a thousand enterprises and three years of visits, to look around. Logins: {names}; password {password}. It opens at the next start too (File &gt; Database connection… changes that).</source>
        <translation>一个虚构的分局，有两个派出所、一千家单位和三年的走访记录，可随意查看。账号：{names}；密码 {password}。下次启动也会打开它（可在 文件 → 数据库连接… 中更改）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="52"/>
        <source>&amp;New jurisdiction</source>
        <translation>新建辖区(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="54"/>
        <source>Set up your sub-bureau in this database: first its administrator, then the sub-bureau, its stations, offices and grid cells.</source>
        <translation>在这个数据库中建立您的分局：先设置管理员，再建分局及其派出所、警务室和网格。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="60"/>
        <source>Connect to a &amp;server</source>
        <translation>连接服务器(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="61"/>
        <source>Work on the shared PostgreSQL database of your sub-bureau.</source>
        <translation>使用分局共享的 PostgreSQL 数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="65"/>
        <source>Start from the sub-bureau&apos;s &amp;package</source>
        <translation>从分局数据包开始(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/welcome_dialog.py" line="67"/>
        <source>A station&apos;s desk: set up its administrator, then import the data package the sub-bureau wrote for this station.</source>
        <translation>派出所的工作台：先设置管理员，再导入分局为本所写出的数据包。</translation>
    </message>
</context>
<context>
    <name>WrittenBox</name>
    <message>
        <location filename="../../desktop/ui/dialogs/written_dialog.py" line="18"/>
        <source>&amp;Open the file</source>
        <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/written_dialog.py" line="22"/>
        <source>Open the &amp;folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>_NamedUnitDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="29"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="30"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="31"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_dialogs.py" line="32"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="449"/>
        <source>Map image</source>
        <translation>底图图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/map_page.py" line="449"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.tif)</translation>
    </message>
</context>
</TS>
