## Measurements: weight, blood pressure, blood sugar, waist. We record the person's
## own numbers; we never say what they mean medically.
## Keywords (WEIGHT, BP, SUGAR, WAIST, SKIP) and units (kg, st, lb, cm, in, mmol/L)
## stay as in English. Examples use units, not Polish unit words: "185 funtów" is
## read as 185 kg.

# WEIGHT without a readable weight. $reason as in the re-asks.
# segments: 1
measure-weight-how =
    { $reason ->
        [missing_unit] Czy to kg, stone (st) czy funty (lb)? Napisz np. WEIGHT 84 kg albo WEIGHT 13st 4lb.
       *[other] Napisz WEIGHT i swoją wagę, np. WEIGHT 84,2 albo WEIGHT 13st 4lb.
    }

# A weight was saved, in kg.
# $value: 5 gsm chars
# segments: 1
measure-weight-saved = Dziękujemy, zapisaliśmy Twoją wagę: { $value } kg.

# WEIGHT 13.4st: most people who write that mean 13 st 4 lb, so we ask. $written is
# what they wrote ("13.4"); $kg is that many stone in kg.
# $stones: 2 digits
# $pounds: 2 digits
# $written: 5 gsm chars
# $kg: 5 gsm chars
# segments: 2
measure-weight-stone = Czy chodzi o { $stones } st { $pounds } lb? Odpisz WEIGHT { $stones }st { $pounds }lb. Jeśli o { $written } stone, odpisz WEIGHT { $kg }kg.

# BP without a readable reading.
# segments: 1
measure-bp-how =
    { $reason ->
        [out_of_range] Ten wynik wygląda nietypowo. Czy możesz go sprawdzić? Np. BP 128/82.
       *[other] Napisz BP i wynik ciśnienia, najpierw górne, np. BP 128/82.
    }

# A blood pressure was saved.
# $systolic: 3 gsm chars
# $diastolic: 3 gsm chars
# segments: 1
measure-bp-saved = Dziękujemy, zapisaliśmy Twoje ciśnienie: { $systolic }/{ $diastolic }.

# SUGAR without a readable number.
# segments: 1
measure-glucose-how = Napisz SUGAR i wynik pomiaru cukru, np. SUGAR 6,1 (mmol/L).

# A blood sugar reading was saved.
# $value: 5 gsm chars
# segments: 1
measure-glucose-saved = Dziękujemy, zapisaliśmy Twój cukier we krwi: { $value } mmol/L.

# WAIST without a readable measurement.
# segments: 1
measure-waist-how =
    { $reason ->
        [missing_unit] Czy to cm czy cale? Napisz np. WAIST 90cm albo WAIST 36in.
       *[other] Napisz WAIST i obwód talii, np. WAIST 90cm albo WAIST 36in.
    }

# A waist measurement was saved, in cm.
# $value: 5 gsm chars
# segments: 1
measure-waist-saved = Dziękujemy, zapisaliśmy obwód talii: { $value } cm.

# The monitoring calendar asks for a weigh-in (weekly for 6 weeks after a medicine change).
# segments: 2
weigh-in-ask = Dziś dzień ważenia. Jeśli możesz, odpisz swoją wagę, np. 84 kg albo 13st 4lb. Albo SKIP, by pominąć.

# After a weigh-in answer.
# segments: 1
weigh-in-thanks = Dziękujemy. Pilnowanie wagi po zmianie leków naprawdę pomaga.
