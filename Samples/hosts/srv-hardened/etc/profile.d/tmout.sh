# Idle shell sessions end after 15 minutes (cấp độ 2, mục 1.2.2).
readonly TMOUT=900
export TMOUT
