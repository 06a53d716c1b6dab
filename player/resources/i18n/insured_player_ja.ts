<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Language</name>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Insured Player: {title}</source>
        <translation>Insured Player: {title}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Track gain</source>
        <translation>トラックゲイン</translation>
    </message>
    <message>
        <source>Album gain</source>
        <translation>アルバムゲイン</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>デスクトップ</translation>
    </message>
    <message>
        <source>Show an icon in the tray</source>
        <translation>トレイにアイコンを表示する</translation>
    </message>
    <message>
        <source>Keep playing in the tray when the window is closed</source>
        <translation>ウィンドウを閉じてもトレイで再生を続ける</translation>
    </message>
    <message>
        <source>This desktop shows no tray: closing the window quits.</source>
        <translation>このデスクトップにはトレイがありません。ウィンドウを閉じると終了します。</translation>
    </message>
    <message>
        <source>Announce each new track in a desktop notification</source>
        <translation>曲が変わるたびにデスクトップ通知で知らせる</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>The player speaks {language} from its next start.</source>
        <translation>次回の起動から{language}で表示します。</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>ReplayGain:</source>
        <translation>ReplayGain:</translation>
    </message>
    <message>
        <source>Evens out loudness from the tracks&apos; own tags, never past a track&apos;s peak.</source>
        <translation>曲のタグをもとに音量をそろえます（曲のピークを超えることはありません）。</translation>
    </message>
    <message>
        <source>Your music folders</source>
        <translation>自分の音楽フォルダー</translation>
    </message>
    <message>
        <source>Folders and files of your own music</source>
        <translation>自分の音楽のフォルダーとファイル</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Played where they are, never copied or sent anywhere; watched for changes.</source>
        <translation>その場所のまま再生し、コピーや送信は一切しません。変更は自動で反映されます。</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保険会社</translation>
    </message>
    <message>
        <source>The insurer bundled with the player (the demo catalog)</source>
        <translation>プレーヤーに同梱の保険会社（デモカタログ）</translation>
    </message>
    <message>
        <source>An insurer at this address:</source>
        <translation>次のアドレスの保険会社:</translation>
    </message>
    <message>
        <source>The insurer&apos;s address</source>
        <translation>保険会社のアドレス</translation>
    </message>
    <message>
        <source>The insurer was given when the player was started; it is used instead.</source>
        <translation>起動時に保険会社が指定されたため、そちらを使用しています。</translation>
    </message>
    <message>
        <source>Used from the next start. Your licenses come from the insurer you use now: keep it while you want to play them.</source>
        <translation>次回の起動から使用します。ライセンスは現在の保険会社から発行されているため、それらの曲を再生したい間は変更しないでください。</translation>
    </message>
    <message>
        <source>Playing</source>
        <translation>再生時</translation>
    </message>
    <message>
        <source>Check with the insurer on every play (while online)</source>
        <translation>再生のたびに保険会社に確認する（オンライン時）</translation>
    </message>
    <message>
        <source>Your policy asks for this check (its premiums are lower).</source>
        <translation>ご契約の保険契約ではこの確認が必要です（その分、保険料が安くなっています）。</translation>
    </message>
    <message>
        <source>Your policy does not ask for it: with it on, a track whose license the insurer has just withdrawn stops at once instead of at the next sync.</source>
        <translation>ご契約の保険契約では必須ではありません。オンにすると、保険会社がライセンスを取り消した曲は次回の同期を待たずにすぐ停止します。</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>“{title}” by {artist}</source>
        <translation>{artist}の「{title}」</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>「{title}」</translation>
    </message>
    <message>
        <source>{rate} of the price at {provider}</source>
        <translation>{provider}では価格の {rate}</translation>
    </message>
    <message>
        <source>{said}, {rate} at {provider}</source>
        <translation>{said}、{provider}では {rate}</translation>
    </message>
    <message>
        <source>added {n} track</source>
        <translation>{n} 曲を追加</translation>
    </message>
    <message>
        <source>added {n} tracks</source>
        <translation>{n} 曲を追加</translation>
    </message>
    <message>
        <source>{n} changed</source>
        <translation>{n} 曲を更新</translation>
    </message>
    <message>
        <source>{n} gone</source>
        <translation>{n} 曲が削除</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the files named</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>{file}: {why}</source>
        <translation>{file}: {why}</translation>
    </message>
    <message>
        <source>{n} file was not added ({named})</source>
        <translation>{n} 個のファイルは追加されませんでした（{named}）</translation>
    </message>
    <message>
        <source>{n} files were not added ({named})</source>
        <translation>{n} 個のファイルは追加されませんでした（{named}）</translation>
    </message>
    <message>
        <source>{n} files were not added: they are not audio this player reads ({first}, …)</source>
        <translation>{n} 個のファイルは、このプレーヤーで読めない音声のため追加されませんでした（{first}、…）</translation>
    </message>
    <message>
        <source>{where} cannot be reached now (is its drive plugged in?)</source>
        <translation>{where} に現在アクセスできません（ドライブは接続されていますか？）</translation>
    </message>
    <message>
        <source>{where} cannot be reached now (are their drives plugged in?)</source>
        <translation>{where} に現在アクセスできません（ドライブは接続されていますか？）</translation>
    </message>
    <message>
        <source>Nothing new: that music is already in your library.</source>
        <translation>新しい曲はありません。その音楽はすでにライブラリにあります。</translation>
    </message>
    <message>
        <source>{sentence} {next}</source>
        <comment>two sentences in a row</comment>
        <translation>{sentence}{next}</translation>
    </message>
    <message>
        <source>re-distributed after a loss report: a new copy replaces this one</source>
        <translation>紛失の報告により再配布されました。新しいコピーがこれに代わります</translation>
    </message>
    <message>
        <source>re-distributed after a crash: a new copy replaces this one</source>
        <translation>ライブラリの破損により再配布されました。新しいコピーがこれに代わります</translation>
    </message>
    <message>
        <source>replaced by an alternate track (the supplier discontinued the original)</source>
        <translation>代替曲に置き換えられました（配信元が元の曲の配信を終了しました）</translation>
    </message>
    <message>
        <source>replaced by a newer version of the track</source>
        <translation>この曲の新しいバージョンに置き換えられました</translation>
    </message>
    <message>
        <source>replaced when the purchase was insured: the insured copy plays instead</source>
        <translation>購入に保険をかけた際に置き換えられました。保険付きのコピーが代わりに再生されます</translation>
    </message>
    <message>
        <source>not in the cached license list yet: it is checked with the insurer when online</source>
        <translation>保存済みのライセンスリストにまだありません。オンライン時に保険会社に確認します</translation>
    </message>
    <message>
        <source>no license list cached yet: connect to the insurer once</source>
        <translation>ライセンスリストがまだ保存されていません。一度保険会社に接続してください</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>{reason} (on {day})</source>
        <translation>{reason}（{day}）</translation>
    </message>
    <message>
        <source>Its supplier no longer distributes this track.</source>
        <translation>配信元がこの曲の配信を終了しました。</translation>
    </message>
    <message>
        <source>Its supplier&apos;s service is down at the moment.</source>
        <translation>配信元のサービスが現在停止しています。</translation>
    </message>
    <message>
        <source>Its supplier has ended its business.</source>
        <translation>配信元が事業を終了しました。</translation>
    </message>
    <message>
        <source>It is not published in a format this computer plays.</source>
        <translation>このコンピューターで再生できる形式で配信されていません。</translation>
    </message>
    <message>
        <source>Its supplier cannot issue it again ({code}).</source>
        <translation>配信元が再発行できません（{code}）。</translation>
    </message>
    <message>
        <source>+{difference} of {limit}</source>
        <translation>+{difference}（上限 {limit}）</translation>
    </message>
    <message>
        <source>same price</source>
        <translation>同じ価格</translation>
    </message>
    <message>
        <source>{difference} (cheaper)</source>
        <translation>{difference}（安い）</translation>
    </message>
    <message>
        <source>Purchase with insurance</source>
        <translation>保険付きの購入</translation>
    </message>
    <message>
        <source>Insurance policy</source>
        <translation>保険契約</translation>
    </message>
    <message>
        <source>Replacement of a lost track</source>
        <translation>紛失した曲の再発行</translation>
    </message>
    <message>
        <source>Alternate for a lost track</source>
        <translation>紛失した曲の代替曲</translation>
    </message>
    <message>
        <source>Newer version of a track</source>
        <translation>曲の新しいバージョン</translation>
    </message>
    <message>
        <source>Insurance of tracks you had bought</source>
        <translation>購入済みの曲への保険</translation>
    </message>
    <message>
        <source>Purchase without insurance</source>
        <translation>保険なしの購入</translation>
    </message>
    <message>
        <source>This track reached your policy&apos;s limit of re-distributions per track.</source>
        <translation>この曲は保険契約の 1 曲あたりの再配布回数の上限に達しています。</translation>
    </message>
    <message>
        <source>This track reached your policy&apos;s limit of re-distributions per track ({n} times).</source>
        <translation>この曲は保険契約の 1 曲あたりの再配布回数の上限（{n} 回）に達しています。</translation>
    </message>
    <message>
        <source>Your policy&apos;s total number of re-distributions is used up.</source>
        <translation>保険契約の再配布回数をすべて使い切りました。</translation>
    </message>
    <message>
        <source>Your policy&apos;s total number of re-distributions ({n}) is used up.</source>
        <translation>保険契約の再配布回数（計 {n} 回）をすべて使い切りました。</translation>
    </message>
    <message>
        <source>Your policy is still in its waiting period: {why}</source>
        <translation>保険契約はまだ待機期間中です。{why}</translation>
    </message>
    <message>
        <source>Your policy is still in its waiting period: re-distribution starts on {day}.</source>
        <translation>保険契約はまだ待機期間中です。再配布は{day}から利用できます。</translation>
    </message>
    <message>
        <source>This is outside your policy&apos;s guarantee period: {why}</source>
        <translation>保険契約の保証期間外です。{why}</translation>
    </message>
    <message>
        <source>This is outside your policy&apos;s guarantee period ({start} to {end}).</source>
        <translation>保険契約の保証期間（{start}～{end}）外です。</translation>
    </message>
    <message>
        <source>This alternate costs more than your policy covers: {why}</source>
        <translation>この代替曲の価格は保険契約の補償を超えています。{why}</translation>
    </message>
    <message>
        <source>This alternate costs more than your policy covers: at most {limit} more than the lost track.</source>
        <translation>この代替曲の価格は保険契約の補償を超えています。補償されるのは紛失した曲より最大 {limit} 高い曲までです。</translation>
    </message>
    <message>
        <source>{track} was bought without insurance, so no claim covers it: insure it first (Insure… in the library).</source>
        <translation>{track}は保険なしで購入されたため、請求の対象になりません。先に保険をかけてください（ライブラリの「保険をかける…」）。</translation>
    </message>
    <message>
        <source>This track</source>
        <translation>この曲</translation>
    </message>
    <message>
        <source>It cannot be re-issued, and no supplier offers an alternate within your policy&apos;s limit on the price difference.</source>
        <translation>再発行できず、保険契約の価格差の上限内で代替曲を提供する配信元もありません。</translation>
    </message>
    <message>
        <source>The insurer gave no reason.</source>
        <translation>保険会社から理由の説明はありませんでした。</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>a date in this year, as Qt&apos;s date pattern</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>a date in another year, as Qt&apos;s date pattern</comment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 日</translation>
    </message>
    <message>
        <source>less than 2 days</source>
        <translation>2 日未満</translation>
    </message>
    <message>
        <source>less than a day</source>
        <translation>1 日未満</translation>
    </message>
    <message>
        <source>.</source>
        <comment>the full stop that ends a sentence</comment>
        <translation>。</translation>
    </message>
</context>
</TS>
