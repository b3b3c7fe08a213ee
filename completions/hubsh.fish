function __hubsh_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __hubsh_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __hubsh_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __hubsh_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __hubsh_parse_tokens -S
    set -l unparsed_tokens (__hubsh_tokens -pc)
    switch $unparsed_tokens[1]
    case 'hubsh'
        __hubsh_parse_subcommand 0 'sandbox' 'connection=' 'api=' 'search-lag=' 'debug' 'c=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'run'
            __hubsh_parse_subcommand 1 'on-error=' 'dry-run' 'var=+' 'sandbox' 'connection=' 'api=' 'search-lag=' 'debug' 'version' 'h/help'
        case 'sandbox'
            __hubsh_parse_subcommand 0 'host=' 'port=' 'token=+' 'tier=' 'latency=' 'search-lag=' 'faults=' 'fault-seed=' 'data=' 'state=' 'version' 'h/help'
        case 'completions'
            __hubsh_parse_subcommand 1 'version' 'h/help'
        case 'help'
            __hubsh_parse_subcommand -r 1 'version'
        end
    end
end

function __hubsh_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __hubsh_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __hubsh_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __hubsh_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__hubsh_tokens -p)
    if test -z "$(__hubsh_tokens -t)"
        set -l index (count (__hubsh_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'hubsh' -f
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh" sandbox' -l 'sandbox' -d 'Start the built-in HubSpot emulator (seeded) and use it as the connection named sandbox.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh" connection' -l 'connection' -d 'Use this saved connection.' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh" api' -l 'api' -d 'With --sandbox: the API version its connection speaks (v3, v4, 2026-03, 2026-09).' -rfka 'v3 v4 2026-03 2026-09'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh" search-lag' -l 'search-lag' -d 'The sandbox\'s search sees writes this many milliseconds late, as HubSpot\'s does (0: at once; default 5000).' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh" debug' -l 'debug' -d 'Show the HubSpot client\'s debug lines on standard error (as HUBSH_LOG=debug).'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh" c' -s 'c' -d 'Run these statements and exit.' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh" version' -l 'version' -d 'Show the version.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_positional "hubsh" -eq 1' -fa 'run' -d 'Run a hubsh script.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_positional "hubsh" -eq 1' -fa 'sandbox' -d 'Serve a HubSpot emulator on this machine (no HubSpot account needed).'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_positional "hubsh" -eq 1' -fa 'completions' -d 'Print a shell completion script for hubsh.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_positional "hubsh" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_positional "hubsh run" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'hubsh\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh run" on-error' -l 'on-error' -d 'What to do after a failed statement.' -rfka 'stop continue'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh run" dry-run' -l 'dry-run' -d 'Show what the script\'s writes would send; send nothing.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh run"' -l 'var' -d 'Set a variable for the script ($name).' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh run" sandbox' -l 'sandbox' -d 'Start the built-in HubSpot emulator (seeded) and use it as the connection named sandbox.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh run" connection' -l 'connection' -d 'Use this saved connection.' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh run" api' -l 'api' -d 'With --sandbox: the API version its connection speaks (v3, v4, 2026-03, 2026-09).' -rfka 'v3 v4 2026-03 2026-09'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh run" search-lag' -l 'search-lag' -d 'The sandbox\'s search sees writes this many milliseconds late, as HubSpot\'s does (0: at once; default 5000).' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh run" debug' -l 'debug' -d 'Show the HubSpot client\'s debug lines on standard error (as HUBSH_LOG=debug).'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh run" version' -l 'version' -d 'Show the version.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh run" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" host' -l 'host' -d 'Address to listen on.' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" port' -l 'port' -d 'Port to listen on (0 picks a free port).' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox"' -l 'token' -d 'A token to accept; repeat for several. TOKEN:scope,scope grants only those scopes.' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" tier' -l 'tier' -d 'Apply the rate limits of this HubSpot tier (unlimited: none).' -rfka 'free starter professional enterprise unlimited'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" latency' -l 'latency' -d 'Delay answers (milliseconds): 100 or 100±20 for every call, or per kind with a cost per batch input, e.g. read=250±80,search=400±150,write=900±300,per-record=5.' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" search-lag' -l 'search-lag' -d 'The sandbox\'s search sees writes this many milliseconds late, as HubSpot\'s does (0: at once; default 5000).' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" faults' -l 'faults' -d 'Inject faults, e.g. \'429:3%,500:2%,503:2%,reset:1%,timeout:1%\'.' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" fault-seed' -l 'fault-seed' -d 'Seed for fault injection, so a run repeats.' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" data' -l 'data' -d 'Starting data: demo (a seeded account) or empty.' -rfka 'demo empty'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" state' -l 'state' -d 'Load the account from this file if it exists; save it there on exit.' -rfka ''
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" version' -l 'version' -d 'Show the version.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh sandbox" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_positional "hubsh completions" -eq 1' -fka 'bash zsh fish'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh completions" version' -l 'version' -d 'Show the version.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh completions" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hubsh' -n '__hubsh_should_offer_completions_for_flags_or_options "hubsh help" version' -l 'version' -d 'Show the version.'
