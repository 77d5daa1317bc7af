package id.dukcapil.portal.population.demo;

import id.dukcapil.portal.shared.Sex;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Name lists written for the demo population of Kabupaten Bandung: mostly Sundanese and Muslim names, some
 * Javanese, a few Christian ones, with the fashions of three generations. Personal names only: Sundanese and
 * Javanese families have no surname, so a child's name never repeats the father's.
 */
final class DemoNames {

    private static final List<String> OLD_MEN = List.of("Asep", "Ujang", "Dadang", "Cecep", "Encep", "Jajang",
            "Deden", "Dede", "Aep", "Acep", "Ade", "Oman", "Odih", "Engkos", "Endang", "Entis", "Maman", "Mamat",
            "Tatang", "Yaya", "Iyan", "Otong", "Ukan", "Udin", "Enjang", "Oo", "Wawan", "Iwan", "Dodi", "Yayat",
            "Slamet", "Sugeng", "Bambang", "Sutrisno", "Suparman", "Ahmad", "Abdul", "Ismail", "Usep", "Atang");
    private static final List<String> OLD_MEN_SECOND = List.of("Sopandi", "Suherman", "Sutisna", "Rukmana",
            "Sukmana", "Suryana", "Kusnadi", "Sulaeman", "Hidayat", "Rohman", "Saepudin", "Supriatna", "Mulyadi",
            "Hermawan", "Wahyudin", "Kosasih", "Sumarna", "Sudrajat", "Mulyana", "Tarya", "Karta", "Somantri",
            "Hamdani", "Rahmat", "Gunawan", "Setiawan", "Permana", "Sasmita", "Nurdin", "Ruhiyat");
    private static final List<String> OLD_WOMEN = List.of("Euis", "Neneng", "Iis", "Imas", "Cucu", "Enung", "Yati",
            "Tati", "Nining", "Enok", "Ai", "Iyah", "Entin", "Oom", "Onah", "Eti", "Atikah", "Popon", "Titin",
            "Nani", "Yeyet", "Iyom", "Ela", "Dedeh", "Eem", "Siti", "Sri", "Sumiati", "Ratna", "Eneng", "Lilis",
            "Aisah", "Juju", "Cicih", "Mimin", "Nunung", "Ikah", "Kokom", "Yoyoh", "Romlah");
    private static final List<String> OLD_WOMEN_SECOND = List.of("Rohimah", "Suryani", "Mulyani", "Kurniasih",
            "Maryani", "Nurhayati", "Rosmiati", "Aminah", "Komariah", "Hasanah", "Rukmini", "Sumarni", "Jubaedah",
            "Halimah", "Sukaesih", "Nurjanah", "Saadah", "Kartini", "Mardiah", "Rahmawati", "Sumiyati", "Hayati");

    private static final List<String> MIDDLE_MEN = List.of("Agus", "Budi", "Hendra", "Rudi", "Yayan", "Dedi",
            "Deni", "Irwan", "Andri", "Rizal", "Ridwan", "Taufik", "Iman", "Eko", "Joko", "Ari", "Arief", "Dani",
            "Yudi", "Yusuf", "Asep", "Ujang", "Cepi", "Agung", "Heri", "Hadi", "Rahmat", "Hilman", "Jaenudin",
            "Muhammad", "Ahmad", "Fajar", "Irfan", "Ilham", "Dadan", "Deden", "Ade", "Toni", "Wahyu", "Yogi");
    private static final List<String> MIDDLE_MEN_SECOND = List.of("Kurniawan", "Setiawan", "Hidayat", "Gunawan",
            "Permana", "Nugraha", "Ramdani", "Firmansyah", "Maulana", "Saputra", "Hakim", "Supriadi", "Hermawan",
            "Suryadi", "Sutisna", "Mulyadi", "Rahman", "Hamdani", "Sopian", "Herdiana", "Kusumah", "Wibowo",
            "Santoso", "Prasetyo", "Nurdiansyah", "Gumilar", "Wijaya", "Saepuloh", "Ardiansyah", "Fauzi");
    private static final List<String> MIDDLE_WOMEN = List.of("Dewi", "Rina", "Rini", "Lilis", "Nenden", "Wulan",
            "Yuli", "Yuyun", "Susi", "Sri", "Siti", "Nurul", "Fitri", "Dian", "Lina", "Lia", "Rika", "Leni", "Neng",
            "Yanti", "Heni", "Eva", "Desi", "Mira", "Tina", "Ratna", "Ani", "Ida", "Iis", "Euis", "Rani", "Nina",
            "Wiwin", "Irma", "Eli", "Tuti", "Ika", "Diah", "Endah", "Novi");
    private static final List<String> MIDDLE_WOMEN_SECOND = List.of("Nurhasanah", "Rahayu", "Kurniasih",
            "Marlina", "Lestari", "Handayani", "Nurjanah", "Komalasari", "Fauziah", "Yulianti", "Herawati",
            "Susanti", "Wulandari", "Rahmawati", "Anggraeni", "Suryani", "Mulyani", "Sulastri", "Septiani",
            "Purnamasari", "Rosita", "Apriani", "Nuraeni", "Fitriani", "Hidayah", "Sumarni", "Mardiana", "Yuliani");

    private static final List<String> YOUNG_MEN = List.of("Rizki", "Fikri", "Raka", "Alif", "Zidan", "Dimas",
            "Rangga", "Galih", "Farhan", "Fadil", "Ilham", "Reza", "Rafi", "Aditya", "Bagas", "Yusuf", "Haikal",
            "Daffa", "Arkan", "Raffa", "Azka", "Fathan", "Rasya", "Gibran", "Muhammad", "Ahmad", "Kenzie",
            "Naufal", "Rayhan", "Satria", "Bima", "Restu", "Hafiz", "Fauzan", "Ikhsan", "Rizal", "Nabil", "Akbar");
    private static final List<String> YOUNG_MEN_SECOND = List.of("Ramadhan", "Pratama", "Maulana", "Firdaus",
            "Saputra", "Nugraha", "Alfarizi", "Hidayat", "Kurniawan", "Permana", "Fauzan", "Rizky", "Akbar",
            "Putra", "Syahputra", "Hakim", "Fadhilah", "Mubarok", "Abdillah", "Alfian", "Setiawan", "Gumelar");
    private static final List<String> YOUNG_WOMEN = List.of("Nayla", "Aqila", "Keisha", "Alya", "Zahra",
            "Salsabila", "Nabila", "Aisyah", "Anisa", "Putri", "Intan", "Ayu", "Dinda", "Rara", "Syifa", "Citra",
            "Tiara", "Khaira", "Kayla", "Azzahra", "Hana", "Nadia", "Fitri", "Siti", "Neng", "Dewi", "Amelia",
            "Nazwa", "Shakila", "Raisa", "Rahma", "Najwa", "Zaskia", "Adinda", "Vina", "Mutiara");
    private static final List<String> YOUNG_WOMEN_SECOND = List.of("Ramadhani", "Khoirunnisa", "Aulia",
            "Permatasari", "Putri", "Nurhaliza", "Azzahra", "Rahmawati", "Maharani", "Nuraini", "Fitriani",
            "Safitri", "Salsabila", "Lestari", "Amalia", "Oktaviani", "Febriani", "Zahira", "Nurfadilah", "Agustina");

    private static final List<String> CHRISTIAN_MEN = List.of("Yohanes", "Stefanus", "Daniel", "Yosua", "Petrus",
            "Paulus", "Markus", "Andreas", "Timotius", "Samuel", "Gabriel", "Michael");
    private static final List<String> CHRISTIAN_WOMEN = List.of("Maria", "Theresia", "Natalia", "Agnes", "Elisabeth",
            "Yohana", "Debora", "Ruth", "Christina", "Veronika", "Angelina", "Grace");

    private DemoNames() {
    }

    static String name(SplittableRandom random, Sex sex, int birthYear, boolean christian) {
        boolean man = sex == Sex.MALE;
        List<String> first;
        List<String> second;
        if (birthYear < 1975) {
            first = man ? OLD_MEN : OLD_WOMEN;
            second = man ? OLD_MEN_SECOND : OLD_WOMEN_SECOND;
        } else if (birthYear < 1997) {
            first = man ? MIDDLE_MEN : MIDDLE_WOMEN;
            second = man ? MIDDLE_MEN_SECOND : MIDDLE_WOMEN_SECOND;
        } else {
            first = man ? YOUNG_MEN : YOUNG_WOMEN;
            second = man ? YOUNG_MEN_SECOND : YOUNG_WOMEN_SECOND;
        }
        if (christian) {
            first = man ? CHRISTIAN_MEN : CHRISTIAN_WOMEN;
        }
        String given = pick(random, first);
        double shape = random.nextDouble();
        if (shape < 0.12) {
            return given;
        }
        String name = given + " " + pick(random, second);
        if (shape > 0.9 && birthYear >= 1990) {
            String third = pick(random, man ? YOUNG_MEN_SECOND : YOUNG_WOMEN_SECOND);
            name = name.endsWith(third) ? name : name + " " + third;
        }
        return name.length() > 60 ? given : name;
    }

    static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
